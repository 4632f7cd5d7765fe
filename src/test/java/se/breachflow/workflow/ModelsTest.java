package se.breachflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.incident.Incident;
import se.breachflow.incident.Fields;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.task.Step;
import se.breachflow.incident.task.TaskForm;
import se.breachflow.shared.Field;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.supplier.SupplierFields;

/** Every model in bpmn/ and every form in forms/ is deployed, complete, and wired to the process's variables. */
@BreachflowTest
class ModelsTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
  /** Form values shown, not edited: written by the task listener, never submitted as a decision. */
  private static final Set<String> DISPLAY_ONLY = Set.of(Fields.ASSESSMENT_TEXT, Fields.DPO_ADVICE_TEXT);

  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentDriver driver;
  @Autowired List<TaskForm> taskForms;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldDeployEveryModelAndForm() throws IOException {
    Set<String> files = new TreeSet<>(fileNames(Path.of("bpmn")));
    files.addAll(fileNames(Path.of("forms")));
    Set<String> deployed = new TreeSet<>();
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      repository.getDeploymentResourceNames(deployment.getId())
          .forEach(name -> deployed.add(Path.of(name).getFileName().toString()));
    }
    assertThat(files).isNotEmpty().allMatch(deployed::contains);
  }

  @Test
  void shouldGiveEveryDefinitionAHistoryTimeToLive() {
    assertThat(repository.createProcessDefinitionQuery().list())
        .isNotEmpty().allMatch(definition -> definition.getHistoryTimeToLive() != null);
    assertThat(repository.createDecisionDefinitionQuery().list())
        .isNotEmpty().allMatch(definition -> definition.getHistoryTimeToLive() != null);
  }

  @Test
  void shouldDrawEveryFlowNodeInTheDiagram() throws IOException {
    for (Path file : files(Path.of("bpmn"), ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
          .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
      assertThat(model.getModelElementsByType(FlowNode.class)).as(file.toString())
          .allMatch(node -> drawn.contains(node.getId()));
    }
  }

  @Test
  void shouldOnlyAskForVariablesTheProcessReads() throws IOException {
    Map<String, JsonNode> formsById = new HashMap<>();
    for (Path file : files(Path.of("forms"), ".form")) {
      JsonNode form = json.readTree(file.toFile());
      formsById.put(form.get("id").asText(), form);
    }
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/personal-data-breach.bpmn").toFile());
    Incident sample = reportedIncident();
    Map<Step, TaskForm> bindings = taskForms.stream()
        .collect(Collectors.toMap(TaskForm::step, form -> form));
    Set<String> referenced = new TreeSet<>();

    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      String formRef = start.getAttributeValueNs(CAMUNDA_NS, "formRef");
      if (formRef != null) {
        referenced.add(formRef);
        Set<String> expected = new TreeSet<>(VariableBoundary.REPORT_FIELDS);
        assertThat(inputKeys(formsById.get(formRef))).as(formRef).isEqualTo(expected);
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
      assertThat(formRef).as("form of " + task.getId()).isNotNull();
      assertThat(task.getAttributeValueNs(CAMUNDA_NS, "formRefBinding")).isEqualTo("deployment");
      referenced.add(formRef);
      JsonNode form = formsById.get(formRef);
      assertThat(form).as("forms/" + formRef + ".form").isNotNull();
      TaskForm binding = bindings.get(BpmnIds.step(task.getId()));
      assertThat(binding).as("binding of " + task.getId()).isNotNull();
      Set<String> fields = binding.fields().stream().map(Field::name).collect(Collectors.toCollection(TreeSet::new));
      assertThat(inputKeys(form)).as(formRef + ": the form's fields are the binding's").isEqualTo(fields);
      Set<String> loaded = new TreeSet<>(binding.load(sample).keySet());
      loaded.removeAll(DISPLAY_ONLY);
      assertThat(loaded).as(formRef + ": the binding fills every field from the record").isEqualTo(fields);
    }
    referenced.add(supplierStartForm(formsById));
    assertThat(referenced).containsExactlyInAnyOrderElementsOf(formsById.keySet());

    for (JsonNode form : formsById.values()) {
      if (form.get("id").asText().equals(BpmnIds.SUPPLIER_START_FORM)) {
        continue; // its fields are the supplier incident's, checked above
      }
      assertThat(Fields.names()).as(form.get("id").asText())
          .containsAll(inputKeys(form)).containsAll(templateVariables(form));
    }
  }

  /**
   * The start form of {@code supplier-incident} asks for exactly a supplier incident's fields: the shared facts,
   * and the controllers as a dynamic list of their own fields.
   */
  private static String supplierStartForm(Map<String, JsonNode> formsById) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/supplier-incident.bpmn").toFile());
    List<StartEvent> starts = List.copyOf(model.getModelElementsByType(StartEvent.class));
    assertThat(starts).hasSize(1);
    String formRef = starts.get(0).getAttributeValueNs(CAMUNDA_NS, "formRef");
    assertThat(formRef).isEqualTo(BpmnIds.SUPPLIER_START_FORM);
    assertThat(starts.get(0).getAttributeValueNs(CAMUNDA_NS, "formRefBinding")).isEqualTo("deployment");
    JsonNode form = formsById.get(formRef);
    assertThat(form).as("forms/" + formRef + ".form").isNotNull();
    Set<String> expected = new TreeSet<>();
    SupplierFields.FACTS.forEach(field -> expected.add(field.name()));
    SupplierFields.CONTROLLER_FIELDS.forEach(field -> expected.add(field.name()));
    assertThat(inputKeys(form)).as(formRef).isEqualTo(expected);
    List<String> lists = form.findParents("type").stream()
        .filter(component -> component.get("type").asText().equals("dynamiclist"))
        .map(component -> component.path("path").asText()).toList();
    assertThat(lists).as(formRef + ": the controllers' list").containsExactly(SupplierFields.CONTROLLERS);
    assertThat(templateVariables(form)).as(formRef + ": shows nothing from the process").isEmpty();
    return formRef;
  }

  private Incident reportedIncident() {
    return incidents.findByProcessInstance(driver.report().getId()).orElseThrow();
  }

  private static Set<String> inputKeys(JsonNode form) {
    Set<String> keys = new TreeSet<>();
    form.findParents("type").forEach(component -> {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
    });
    return keys;
  }

  private static Set<String> templateVariables(JsonNode form) {
    Set<String> names = new TreeSet<>();
    form.findValues("text").forEach(text -> {
      Matcher matcher = TEMPLATE.matcher(text.asText());
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    });
    return names;
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> path.getFileName().toString()).toList();
    }
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(path -> path.toString().endsWith(suffix)).toList();
    }
  }
}
