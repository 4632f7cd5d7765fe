package se.breachflow.workflow;

import java.util.Map;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Adds {@link UnreadableRequestMapper} to both JAX-RS applications that serve the engine's REST API: engine REST
 * (Spring Boot's Jersey configuration) and the webapps' engine API. The latter is a servlet that Camunda's webapp
 * initializer registers only if none of its name exists, so it is registered here first, as Camunda would,
 * with the mapper added to its providers.
 */
@Configuration
public class EngineRestConfiguration {

  /** Camunda's name for the servlet of the webapps' engine API (CamundaBpmWebappInitializer). */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ResourceConfigCustomizer unreadableEngineRestRequests() {
    return config -> config.register(UnreadableRequestMapper.class);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApi(CamundaBpmProperties camunda) {
    return servletContext -> {
      if (servletContext.getServletRegistration(WEBAPP_ENGINE_API) != null) {
        return;
      }
      var registration = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
      registration.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      registration.setInitParameters(Map.of(
          "jakarta.ws.rs.Application", EngineRestApplication.class.getName(),
          ServerProperties.PROVIDER_CLASSNAMES, UnreadableRequestMapper.class.getName()));
    };
  }
}
