package se.breachflow.access.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import se.breachflow.access.SecurityConfiguration;
import se.breachflow.organisation.ControllerRegistry;

/**
 * Single sign-on with an OpenID Connect provider such as Microsoft Entra ID ({@code oidc} profile, README "Logga
 * in med Entra ID", docs/adr/0021), built from Spring Security's OAuth2 client and resource server with Camunda's
 * container-based authentication:
 * <ul>
 *   <li>the webapps, the start page and reading {@code /api/**} in the browser: authorization code with PKCE,
 *       the login kept in the HTTP session;</li>
 *   <li>{@code /api/**}, {@code /actuator/prometheus} and {@code /engine-rest/**}: bearer tokens (JWT, signed by
 *       the provider's keys, from its issuer, for breachflow's audience, unexpired). Requests that change
 *       something in {@code /api/**} need one, as they needed HTTP Basic before: the session cookie is sent by
 *       the browser on its own (cross-site request forgery);</li>
 *   <li>logout ({@code POST /logout}) ends the session and, where the provider's discovery names an
 *       {@code end_session_endpoint}, the provider's session too.</li>
 * </ul>
 * Spring Security's filter runs at order 2 (after the security headers, which stay the project's own in every
 * profile: Spring's header writers are off), Camunda's filters see its login after.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
@EnableWebSecurity
@EnableConfigurationProperties(OidcSettings.class)
public class OidcSecurity {

  static final String REGISTRATION = "breachflow";
  private static final String ENGINE_REST = "/engine-rest";
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  @Value("${camunda.bpm.webapp.application-path:/camunda}")
  private String webappPath;

  @Bean
  RoleMapping oidcRoleMapping(OidcSettings settings, ControllerRegistry controllers) {
    return RoleMapping.of(settings.getRoles(), settings.isEveryoneIsStaff(), controllers.all());
  }

  @Bean
  OidcDirectory oidcDirectory(ProcessEngine engine) {
    return new OidcDirectory((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }

  /** The provider's endpoints from its discovery document ({@code <issuer>/.well-known/openid-configuration}). */
  @Bean
  ClientRegistrationRepository oidcClientRegistrations(OidcSettings settings) {
    ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.getIssuerUri())
        .registrationId(REGISTRATION)
        .clientId(settings.getClientId())
        .clientSecret(settings.getClientSecret())
        .scope(settings.getScopes())
        .userNameAttributeName(settings.getUserIdClaim())
        .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  /** Signature (the provider's JWKS), issuer, expiry (one minute's skew), audience, and an access token at all. */
  @Bean
  JwtDecoder oidcJwtDecoder(OidcSettings settings) {
    // The header's typ is checked below (JWT, or RFC 9068's at+jwt), not by Nimbus, which knows JWT only.
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.getIssuerUri()).validateType(false).build();
    JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
    type.setAllowEmpty(true);
    Set<String> accepted = new HashSet<>(settings.acceptedAudiences());
    OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
        aud -> aud != null && aud.stream().anyMatch(accepted::contains));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(settings.getIssuerUri()), audience, type,
        new AccessTokensOnly(settings.getAccessTokenClaims())));
    return decoder;
  }

  /** At every login: the user id, name and roles from the ID token (and user info), written to the engine. */
  @Bean
  OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(OidcSettings settings, RoleMapping mapping,
      OidcDirectory directory) {
    OidcUserService provider = new OidcUserService();
    return request -> {
      OidcUser loaded = provider.loadUser(request);
      SignedInUser user = SignedInUser.from(loaded.getClaims(), settings, mapping)
          .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("invalid_user_id",
              "The claim " + settings.getUserIdClaim() + " is missing or not a usable user id", null)));
      directory.record(user);
      return new DefaultOidcUser(OidcRoles.authorities(user.roles()), loaded.getIdToken(), loaded.getUserInfo(),
          settings.getUserIdClaim());
    };
  }

  /** Engine REST: bearer tokens only, no session. */
  @Bean
  @Order(1)
  SecurityFilterChain oidcEngineRestChain(HttpSecurity http, OidcSettings settings, RoleMapping mapping,
      OidcDirectory directory) throws Exception {
    // Path patterns, not Spring MVC's matchers: engine REST is a servlet of its own (Jersey).
    http.securityMatcher(PATHS.matcher(ENGINE_REST + "/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(
            token -> bearer(token, settings, mapping, directory))))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /**
   * The project's API: a bearer token for anything; the browser's login (its session) for reading only. Refusals
   * are problem+json.
   */
  @Bean
  @Order(2)
  SecurityFilterChain oidcApiChain(HttpSecurity http, OidcSettings settings, RoleMapping mapping,
      OidcDirectory directory) throws Exception {
    http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/actuator/prometheus")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PATHS.matcher(HttpMethod.GET, "/**"), PATHS.matcher(HttpMethod.HEAD, "/**")).authenticated()
            .anyRequest().access((authentication, context) -> new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken)))
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> bearer(token, settings, mapping, directory)))
            .authenticationEntryPoint(OidcProblems.api()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(OidcProblems.api())
            // A browser login without a token that tries to change something: the same 401 as no login at all.
            .accessDeniedHandler((request, response, denied) -> OidcProblems.unauthorized(request, response, null)))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /** The webapps, the start page, the login and the logout. */
  @Bean
  @Order(3)
  SecurityFilterChain oidcBrowserChain(HttpSecurity http, OidcSettings settings,
      ClientRegistrationRepository registrations, OAuth2UserService<OidcUserRequest, OidcUser> users)
      throws Exception {
    DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    providerLogout.setPostLogoutRedirectUri(settings.getPostLogoutRedirectUri());
    LogoutSuccessHandler logoutEverywhere = new ProviderLogout(providerLogout,
        registrations.findByRegistrationId(REGISTRATION), settings.getPostLogoutRedirectUri());
    RequestMatcher webappApi = PATHS.matcher(webappPath + "/api/**");
    RequestMatcher webappLogout = PATHS.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/{engine}/logout");
    RequestMatcher logout = PATHS.matcher(HttpMethod.POST, "/logout");
    http.authorizeHttpRequests(requests -> requests
            // No password is checked with single sign-on; the webapps' login form and first-run page stay shut.
            .requestMatchers(PATHS.matcher(webappPath + "/api/admin/auth/user/{engine}/login/**"),
                PATHS.matcher(webappPath + "/api/admin/setup/**")).denyAll()
            .requestMatchers(PATHS.matcher(webappPath + "/app/**"), webappApi, PATHS.matcher("/"),
                PATHS.matcher("/index.html")).authenticated()
            .anyRequest().permitAll())
        .oauth2Login(login -> login
            .loginPage("/oauth2/authorization/" + REGISTRATION)
            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
            .userInfoEndpoint(info -> info.oidcUserService(users))
            .failureHandler((request, response, failure) -> loginFailed(response)))
        .logout(out -> out
            .logoutRequestMatcher(new OrRequestMatcher(logout, webappLogout))
            .invalidateHttpSession(true)
            .clearAuthentication(true)
            // The webapps log out by XHR, which cannot follow a redirect to the provider: they get 200.
            .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK), webappLogout)
            .defaultLogoutSuccessHandlerFor(logoutEverywhere, logout))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
            .defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION), request -> true))
        // The webapps have their own CSRF protection (Camunda's filter); the API takes changes with a token only.
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /** The firewall's refusals as problems (OidcProblems#firewall); the firewall itself stays Spring's strict one. */
  @Bean
  RequestRejectedHandler oidcRequestRejected() {
    return OidcProblems.firewall();
  }

  /** Spring Security's filters, right after the security headers and before everything else. */
  @Bean
  DelegatingFilterProxyRegistrationBean oidcSecurityFilter() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    registration.setOrder(2);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** The webapps: Camunda's container-based login from Spring Security's, before the allow-list (11). */
  @Bean
  FilterRegistrationBean<OidcWebappAuthenticationFilter> oidcWebappAuthentication() {
    FilterRegistrationBean<OidcWebappAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new OidcWebappAuthenticationFilter());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        OidcContainerAuthentication.class.getName());
    registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setName("oidc-webapp-authentication");
    registration.setOrder(3);
    return registration;
  }

  /** Engine REST: the engine acts for the bearer token's user (the allow-list follows at 11). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> oidcEngineRestAuthentication() {
    return SecurityConfiguration.engineRestAuthentication(OidcContainerAuthentication.class);
  }

  @Bean
  FilterRegistrationBean<OidcApiAuthentication> oidcApiAuthentication(ProcessEngine engine) {
    return SecurityConfiguration.apiAuthentication(new OidcApiAuthentication(engine.getIdentityService()));
  }

  /** A bearer token's user and roles; its user is written to the engine like a browser login. */
  private static JwtAuthenticationToken bearer(Jwt token, OidcSettings settings, RoleMapping mapping,
      OidcDirectory directory) {
    SignedInUser user = SignedInUser.from(token.getClaims(), settings, mapping)
        .orElseThrow(() -> new InvalidBearerTokenException("The token has no usable " + settings.getUserIdClaim()));
    directory.record(user);
    return new JwtAuthenticationToken(token, OidcRoles.authorities(user.roles()), user.id());
  }

  private static void loginFailed(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType("text/html");
    response.getWriter().write("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Inloggningen "
        + "misslyckades</title></head><body><h1>Inloggningen misslyckades</h1><p>Kommunens inloggning godkände "
        + "inte inloggningen till breachflow. Försök igen från <a href=\"/\">startsidan</a> eller kontakta "
        + "IT-supporten.</p></body></html>");
  }
}
