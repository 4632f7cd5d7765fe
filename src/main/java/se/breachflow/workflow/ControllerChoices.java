package se.breachflow.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.breachflow.organisation.DataController;
import se.breachflow.organisation.ControllerRegistry;

/**
 * The forms' choice of controller ({@code controllerId}) lists the configured controllers
 * ({@code breachflow.controllers}), in their configured order, not the demo's two. A start form gets no
 * variables from the engine to build its options from, so the options are written into the form when it is
 * deployed: the {@code .form} files in the repository keep the demo's as an example, and a municipality
 * configures its nämnder and bolag without editing forms. A change of the configuration deploys the forms
 * (and the process, deployed with them) as a new version at the next start.
 */
@Component
public class ControllerChoices extends AbstractProcessEnginePlugin {

  static final String FIELD = "controllerId";
  private static final Logger LOG = LoggerFactory.getLogger(ControllerChoices.class);

  private final ControllerRegistry controllers;
  private final ObjectMapper json = new ObjectMapper();

  public ControllerChoices(ControllerRegistry controllers) {
    this.controllers = controllers;
  }

  /** After the starter has set the resources to deploy (its preInit), before they are deployed. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration instanceof SpringProcessEngineConfiguration spring) || spring.getDeploymentResources() == null
        || controllers.all().isEmpty()) {
      return;
    }
    Resource[] resources = spring.getDeploymentResources().clone();
    for (int i = 0; i < resources.length; i++) {
      String name = resources[i].getFilename();
      if (name != null && name.endsWith(".form")) {
        byte[] form = read(resources[i]);
        byte[] withControllers = withControllers(form);
        if (withControllers != form) {
          resources[i] = new NamedResource(withControllers, resourceName(resources[i]));
          LOG.info("Controller choices in {}: {}", name, controllers.all().stream().map(DataController::id).toList());
        }
      }
    }
    spring.setDeploymentResources(resources);
  }

  /** The form with the configured controllers as the options of its controller field; the same bytes if none. */
  byte[] withControllers(byte[] form) {
    try {
      JsonNode root = json.readTree(form);
      List<ObjectNode> fields = new ArrayList<>();
      collect(root, fields);
      if (fields.isEmpty()) {
        return form;
      }
      for (ObjectNode field : fields) {
        ArrayNode values = field.putArray("values");
        for (DataController controller : controllers.all()) {
          values.addObject().put("label", controller.name()).put("value", controller.id());
        }
      }
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("A form that is not JSON cannot get the controllers as choices", e);
    }
  }

  private static void collect(JsonNode node, List<ObjectNode> fields) {
    if (node.isObject() && FIELD.equals(node.path("key").asText()) && node.has("values")) {
      fields.add((ObjectNode) node);
    }
    for (JsonNode child : node.path("components")) {
      collect(child, fields);
    }
  }

  private static byte[] read(Resource resource) {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** The name the Spring engine configuration gives a file resource (so a deployment's resource keeps its name). */
  private static String resourceName(Resource resource) {
    try {
      return resource.getFile().getAbsolutePath();
    } catch (IOException notAFile) {
      return resource.getFilename();
    }
  }

  /** Deployed under the given name: the engine recognises forms by the name's ending. */
  private static final class NamedResource extends ByteArrayResource {
    private final String name;

    NamedResource(byte[] bytes, String name) {
      super(bytes, name);
      this.name = name;
    }

    @Override
    public String getFilename() {
      return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public String getDescription() {
      return name;
    }
  }
}
