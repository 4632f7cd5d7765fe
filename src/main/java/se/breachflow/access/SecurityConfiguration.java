package se.breachflow.access;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import se.breachflow.access.login.LoginDelayFilter;
import se.breachflow.access.login.LoginThrottle;
import se.breachflow.web.SecurityHeadersFilter;

/**
 * Logins and the filters around them (README, Security); the webapps (Tasklist, Cockpit, Admin) have their
 * own login form. In each chain: security headers (1), the login delay's 429 (5), authentication (10),
 * what the authenticated user may reach (11). With single sign-on ({@code oidc}) the password logins below give way
 * to access/oidc/OidcSecurity: Spring Security (2), the webapps' container login (3), the same allow-lists (11).
 */
@Configuration
public class SecurityConfiguration {

  private static final String ENGINE_REST = "/engine-rest";

  @Value("${camunda.bpm.webapp.application-path:/camunda}")
  private String webappPath;

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter(webappPath));
    registration.addUrlPatterns("/*");
    registration.setName("security-headers");
    registration.setOrder(1);
    return registration;
  }

  /** A (user, client) that typed too many wrong passwords gets 429 before any password is checked. */
  @Bean
  @Profile("!oidc")
  FilterRegistrationBean<LoginDelayFilter> apiLoginDelay(LoginThrottle throttle) {
    FilterRegistrationBean<LoginDelayFilter> registration = new FilterRegistrationBean<>(new LoginDelayFilter(throttle, false));
    registration.addUrlPatterns("/api/*", "/actuator/prometheus");
    registration.setName("api-login-delay");
    registration.setOrder(5);
    return registration;
  }

  @Bean
  @Profile("!oidc")
  FilterRegistrationBean<LoginDelayFilter> engineRestLoginDelay(LoginThrottle throttle) {
    FilterRegistrationBean<LoginDelayFilter> registration = new FilterRegistrationBean<>(new LoginDelayFilter(throttle, true));
    registration.addUrlPatterns(ENGINE_REST + "/*");
    registration.setName("engine-rest-login-delay");
    registration.setOrder(5);
    return registration;
  }

  /** Engine REST has no authentication of its own (CAMUNDA-NOTES): HTTP Basic against the identity service. */
  @Bean
  @Profile("!oidc")
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return engineRestAuthentication(HttpBasicAuthenticationProvider.class);
  }

  /**
   * Engine REST's authentication with the given provider, where every profile puts it: before the allow list, which
   * reads the login it sets. Single sign-on registers its own provider the same way (access/oidc).
   */
  public static FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
      Class<? extends AuthenticationProvider> provider) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns(ENGINE_REST + "/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider.getName());
    registration.setName("engine-rest-authentication");
    registration.setOrder(10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestAllowList> engineRestAllowList(ProcessEngine engine) {
    FilterRegistrationBean<EngineRestAllowList> registration =
        new FilterRegistrationBean<>(new EngineRestAllowList(engine.getIdentityService(), ENGINE_REST));
    registration.addUrlPatterns(ENGINE_REST + "/*");
    registration.setName("engine-rest-allow-list");
    registration.setOrder(11);
    return registration;
  }

  @Bean
  @Profile("!oidc")
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
    return apiAuthentication(new ApiAuthenticationFilter(engine.getIdentityService(), engine.getName()));
  }

  /** The API's authentication, whichever profile provides it (HTTP Basic here, bearer tokens in access/oidc). */
  public static <F extends Filter> FilterRegistrationBean<F> apiAuthentication(F filter) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    // Metrics need a login too; health and info stay open for load balancers.
    registration.addUrlPatterns("/api/*", "/actuator/prometheus");
    registration.setName("api-authentication");
    registration.setOrder(10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RestrictedPaths> prometheusAccess(ProcessEngine engine) {
    FilterRegistrationBean<RestrictedPaths> registration =
        new FilterRegistrationBean<>(RestrictedPaths.prometheus(engine.getIdentityService()));
    registration.addUrlPatterns("/actuator/prometheus");
    registration.setName("prometheus-access");
    registration.setOrder(11);
    return registration;
  }

  /** The webapps' engine API (Tasklist, Cockpit, Welcome): for non-administrators only what those apps need. */
  @Bean
  FilterRegistrationBean<WebappEngineApiAllowList> webappEngineApiAllowList(ProcessEngine engine, SystemCalls system) {
    FilterRegistrationBean<WebappEngineApiAllowList> registration = new FilterRegistrationBean<>(
        new WebappEngineApiAllowList(engine.getIdentityService(), engine.getAuthorizationService(), system,
            webappPath, engine.getName()));
    registration.addUrlPatterns(webappPath + "/api/engine/*");
    registration.setName("webapp-engine-api-allow-list");
    registration.setOrder(11);
    return registration;
  }
}
