package se.breachflow.organisation;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry every capability reads the controllers from, seeded from the configuration before anyone reads it:
 * the engine's deployment and the access set-up already see the configured controllers at the first start.
 */
@Configuration
class OrganisationConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationConfiguration.class);

  @Bean
  ControllerRegistry controllerRegistry(ControllerStore store, ControllerSettings settings) {
    ControllerRegistry.byId(settings.controllers());
    // The application's clock (shared/Times) is the engine's and may not be running yet: the wall clock here.
    List<String> added = store.seed(settings.controllers(), Instant.now());
    if (!added.isEmpty()) {
      LOG.info("Controllers {} added from the configuration (breachflow.controllers)", added);
    }
    return new ControllerRegistry(store);
  }
}
