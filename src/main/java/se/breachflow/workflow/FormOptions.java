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
import se.breachflow.incident.Fields;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.shared.Labelled;

/**
 * The forms' option lists come from one source each:
 * <ul>
 *   <li>the choice of controller ({@code controllerId}) lists the controllers as stored now (organisation/
 *       ControllerRegistry, changed by administrators at runtime), in their order. A start form gets no variables
 *       from the engine to build its options from, so the list is written into the form each time it is served
 *       ({@link StartFormControllers}); the deployed form holds an empty list, so that a change of the controllers
 *       never deploys a new version of the process (docs/adr/0020);
 *   <li>a field of the catalogue ({@link Fields}) with an enum lists the enum's constants with their Swedish
 *       {@link Labelled#choice() choice} text, so that a form says what the documents and the API mean; written
 *       into the forms when they are deployed.
 * </ul>
 * The {@code .form} files in the repository keep the demo's controllers and the enums' texts (a test holds
 * them to the enums, so that the Modeler shows what is served).
 */
@Component
public class FormOptions extends AbstractProcessEnginePlugin {

  static final String CONTROLLER_FIELD = Fields.CONTROLLER_ID.name();
  private static final Logger LOG = LoggerFactory.getLogger(FormOptions.class);

  private final ControllerRegistry controllers;
  private final ObjectMapper json = new ObjectMapper();

  public FormOptions(ControllerRegistry controllers) {
    this.controllers = controllers;
  }

  /** The options of a form field, as label and value; empty if the field's options have no source here. */
  List<Option> optionsOf(String key) {
    if (CONTROLLER_FIELD.equals(key)) {
      return controllers.all().stream().map(controller -> new Option(controller.name(), controller.id())).toList();
    }
    return Fields.byName(key).map(field -> field.options().stream()
            .map(value -> new Option(((Labelled) value).choice(), value.name())).toList())
        .orElse(List.of());
  }

  /** One choice in a select, radio or checklist. */
  record Option(String label, String value) {}

  /** After the starter has set the resources to deploy (its preInit), before they are deployed. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration instanceof SpringProcessEngineConfiguration spring) || spring.getDeploymentResources() == null) {
      return;
    }
    Resource[] resources = spring.getDeploymentResources().clone();
    for (int i = 0; i < resources.length; i++) {
      String name = resources[i].getFilename();
      if (name != null && name.endsWith(".form")) {
        byte[] form = read(resources[i]);
        byte[] withOptions = withOptions(form);
        if (withOptions != form) {
          resources[i] = new NamedResource(withOptions, resourceName(resources[i]));
          LOG.debug("Options written into {}", name);
        }
      }
    }
    spring.setDeploymentResources(resources);
  }

  /**
   * The form as deployed: every enum's option list from its enum, the controllers' lists empty (they are written
   * when the form is served); the same bytes if it has no option list with a source here.
   */
  byte[] withOptions(byte[] form) {
    return rewrite(form, key -> CONTROLLER_FIELD.equals(key) ? List.of() : optionsOf(key), key -> true);
  }

  /** The form as served: the controllers' lists as they are now; the same bytes if it has no such list. */
  byte[] withControllers(byte[] form) {
    return rewrite(form, this::optionsOf, CONTROLLER_FIELD::equals);
  }

  private byte[] rewrite(byte[] form, java.util.function.Function<String, List<Option>> options,
      java.util.function.Predicate<String> written) {
    try {
      JsonNode root = json.readTree(form);
      List<ObjectNode> fields = new ArrayList<>();
      collect(root, fields);
      boolean changed = false;
      for (ObjectNode field : fields) {
        String key = field.path("key").asText();
        if (!written.test(key) || (!CONTROLLER_FIELD.equals(key) && optionsOf(key).isEmpty())) {
          continue;
        }
        ArrayNode values = field.putArray("values");
        options.apply(key).forEach(option -> values.addObject().put("label", option.label()).put("value", option.value()));
        changed = true;
      }
      return changed ? json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root) : form;
    } catch (IOException e) {
      throw new UncheckedIOException("A form that is not JSON cannot get its options written", e);
    }
  }

  /** The fields of a form (at any depth) that offer a list of values. */
  static void collect(JsonNode node, List<ObjectNode> fields) {
    if (node.isObject() && node.has("key") && node.has("values")) {
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
