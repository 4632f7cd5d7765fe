package se.breachflow.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The configured controllers ({@code breachflow.controllers}); adding one is configuration only. */
@ConfigurationProperties(prefix = "breachflow")
public class ControllerRegistry {

  private final Map<String, DataController> byId = new LinkedHashMap<>();

  public ControllerRegistry(List<DataController> controllers) {
    if (controllers != null) {
      for (DataController controller : controllers) {
        if (controller.id() == null || !controller.id().matches("[a-z0-9][a-z0-9_-]{0,31}")) {
          throw new IllegalStateException("breachflow.controllers: the id '" + controller.id()
              + "' must be 1-32 lower-case letters, digits, '-' or '_' (it is part of group names)");
        }
        if (byId.putIfAbsent(controller.id(), controller) != null) {
          throw new IllegalStateException("breachflow.controllers: the id '" + controller.id() + "' is used twice");
        }
      }
    }
  }

  public List<DataController> all() {
    return List.copyOf(byId.values());
  }

  public Optional<DataController> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }
}
