package se.breachflow.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's first filter (mark and limit, {@link ApiRequests}) and Tomcat's error page for the API
 * ({@link ApiErrorReportValve}); the error answers of the application are ApiErrorController's.
 */
@Configuration
public class ApiErrorConfiguration {

  /**
   * Replaces the host's error valve, which Spring Boot sets up in its own customizer (order 0, hence this one
   * last): Tomcat reports an error with the innermost error valve, and adds its default one at start unless
   * one of the configured class is there.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
    return new ErrorValveCustomizer();
  }

  @Bean
  FilterRegistrationBean<ApiRequests> apiRequests() {
    FilterRegistrationBean<ApiRequests> registration = new FilterRegistrationBean<>(new ApiRequests());
    registration.addUrlPatterns("/api/*");
    registration.setName("api-requests");
    // Before the API's login (access/SecurityConfiguration, order 10): an error there is answered as the API's.
    registration.setOrder(0);
    return registration;
  }

  private static final class ErrorValveCustomizer
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.getPipeline().removeValve(valve);
            }
          }
          host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
          host.getPipeline().addValve(new ApiErrorReportValve());
        }
      });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
