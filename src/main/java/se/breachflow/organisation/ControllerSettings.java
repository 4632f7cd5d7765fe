package se.breachflow.organisation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured controllers ({@code breachflow.controllers}): the seed of the database. An id not stored yet is
 * added at start; a stored one is left as an administrator last saved it (docs/adr/0020).
 */
@ConfigurationProperties(prefix = "breachflow")
public record ControllerSettings(List<DataController> controllers) {

  public ControllerSettings {
    controllers = controllers == null ? List.of() : List.copyOf(controllers);
  }
}
