package se.breachflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.breachflow.BreachflowApplication;
import se.breachflow.access.Groups;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.Reports;
import se.breachflow.organisation.DataController;
import se.breachflow.organisation.ControllerRegistry;

/**
 * The forms' option lists have one source each: the report form offers the stored controllers, in their order,
 * written in when the form is served (deployed with none), without editing the form; every other option list is its
 * enum's, written at deployment, and the files in {@code forms/} say so too.
 */
class FormOptionsTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldPutTheStoredControllersIntoTheFormAsServedAndLeaveTheRestAsItIs() throws Exception {
    byte[] form = Files.readAllBytes(Path.of("forms", "incident-report.form"));
    FormOptions choices = new FormOptions(new ControllerRegistry(List.of(
        controller("bun", "Barn- och utbildningsnämnden"), controller("ks", "Kommunstyrelsen"),
        controller("vaab", "Vatten och avfall AB"))));

    JsonNode changed = json.readTree(choices.withControllers(form));

    assertThat(options(changed)).containsExactly("bun=Barn- och utbildningsnämnden", "ks=Kommunstyrelsen",
        "vaab=Vatten och avfall AB");
    JsonNode original = json.readTree(form);
    assertThat(options(original)).as("the file keeps the demo's").containsExactly("ks=Kommunstyrelsen", "sn=Socialnämnden",
        "bun=Barn- och utbildningsnämnden");
    ((ObjectNode) field(changed)).remove("values");
    ((ObjectNode) field(original)).remove("values");
    assertThat(changed).as("nothing else changes").isEqualTo(original);
  }

  /** The supplier incident's controllers are rows of a dynamic list: the choice in each row is the configured one. */
  @Test
  void shouldPutTheStoredControllersIntoTheSupplierIncidentsList() throws Exception {
    byte[] form = Files.readAllBytes(Path.of("forms", "supplier-incident.form"));
    FormOptions choices = new FormOptions(new ControllerRegistry(List.of(
        controller("bun", "Barn- och utbildningsnämnden"), controller("vaab", "Vatten och avfall AB"))));

    JsonNode changed = json.readTree(choices.withControllers(form));

    assertThat(nestedOptions(changed, "controllers", "controllerId"))
        .containsExactly("bun=Barn- och utbildningsnämnden", "vaab=Vatten och avfall AB");
    assertThat(nestedOptions(json.readTree(form), "controllers", "controllerId")).as("the file keeps the demo's")
        .containsExactly("ks=Kommunstyrelsen", "sn=Socialnämnden", "bun=Barn- och utbildningsnämnden");
  }

  @Test
  void shouldLeaveFormsWithoutAnOptionListByteForByte() throws Exception {
    byte[] form = Files.readAllBytes(Path.of("forms", "dpo-advice.form"));
    FormOptions choices = new FormOptions(new ControllerRegistry(List.of(controller("bun", "BUN"))));
    assertThat(choices.withOptions(form)).isSameAs(form);
    assertThat(choices.withControllers(form)).isSameAs(form);
    byte[] assessment = Files.readAllBytes(Path.of("forms", "assess-incident.form"));
    assertThat(choices.withControllers(assessment)).as("a form without a list of controllers").isSameAs(assessment);
  }

  /**
   * The configuration seeds the database at the first start; the deployed forms hold no controllers (so that a
   * change of them deploys nothing), the served form the stored ones, and a report for one is accepted.
   */
  @Test
  void shouldDeployTheReportFormWithoutControllersServeTheConfiguredOnesAndAcceptAReportForOne() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BreachflowApplication.class).run(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:mem:controller-choices;DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--breachflow.controllers[0].id=bun",
        "--breachflow.controllers[0].name=Barn- och utbildningsnämnden",
        "--breachflow.controllers[0].retention-period=P3Y",
        "--breachflow.controllers[1].id=ks",
        "--breachflow.controllers[1].name=Kommunstyrelsen")) {
      // The configuration seeded the database, its retention periods too (the default: none of its own).
      ControllerRegistry registry = app.getBean(ControllerRegistry.class);
      assertThat(registry.all()).extracting(DataController::id).containsExactly("bun", "ks");
      assertThat(registry.find("bun").orElseThrow().retentionPeriod()).isEqualTo(java.time.Period.ofYears(3));
      assertThat(registry.find("ks").orElseThrow().retentionPeriod()).isNull();
      RepositoryService repository = app.getBean(RepositoryService.class);
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS)
          .latestVersion().singleResult();
      String formResource = repository.getDeploymentResourceNames(definition.getDeploymentId()).stream()
          .filter(name -> name.endsWith("incident-report.form")).findFirst().orElseThrow();
      byte[] deployedBytes = repository.getResourceAsStream(definition.getDeploymentId(), formResource).readAllBytes();
      assertThat(options(json.readTree(deployedBytes))).as("deployed without controllers").isEmpty();
      FormOptions options = app.getBean(FormOptions.class);
      assertThat(options(json.readTree(options.withControllers(deployedBytes))))
          .containsExactly("bun=Barn- och utbildningsnämnden", "ks=Kommunstyrelsen");
      ProcessDefinition supplier = repository.createProcessDefinitionQuery()
          .processDefinitionKey(BpmnIds.SUPPLIER_PROCESS).latestVersion().singleResult();
      String supplierForm = repository.getDeploymentResourceNames(supplier.getDeploymentId()).stream()
          .filter(name -> name.endsWith("supplier-incident.form")).findFirst().orElseThrow();
      byte[] supplierBytes = repository.getResourceAsStream(supplier.getDeploymentId(), supplierForm).readAllBytes();
      assertThat(nestedOptions(json.readTree(supplierBytes), "controllers", "controllerId")).isEmpty();
      assertThat(nestedOptions(json.readTree(options.withControllers(supplierBytes)), "controllers", "controllerId"))
          .containsExactly("bun=Barn- och utbildningsnämnden", "ks=Kommunstyrelsen");

      IdentityService identity = app.getBean(IdentityService.class);
      identity.setAuthentication("reporter", List.of(Groups.STAFF));
      try {
        Map<String, Object> report = Reports.misdirectedEmail();
        report.put("controllerId", "bun");
        ProcessInstance instance = app.getBean(FormService.class).submitStartForm(definition.getId(), report);
        assertThat(instance.getBusinessKey()).startsWith("PUI-");
      } finally {
        identity.clearAuthentication();
      }
    }
  }

  /**
   * The option lists in the repository's forms are those the application deploys: the enum's constants in
   * order, with their {@code choice()} texts (the controllers: the demo's). A list that has no source in
   * the code is a copy that would drift, and fails too.
   */
  @Test
  void shouldHaveEveryOptionListOfTheFormsFromItsEnum() throws Exception {
    FormOptions demo = new FormOptions(new ControllerRegistry(List.of(controller("ks", "Kommunstyrelsen"),
        controller("sn", "Socialnämnden"), controller("bun", "Barn- och utbildningsnämnden"))));
    List<String> checked = new ArrayList<>();
    try (var files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
        List<ObjectNode> fields = new ArrayList<>();
        FormOptions.collect(json.readTree(file.toFile()), fields);
        for (ObjectNode field : fields) {
          String key = field.path("key").asText();
          List<String> inForm = new ArrayList<>();
          field.path("values").forEach(value -> inForm.add(value.path("value").asText() + "=" + value.path("label").asText()));
          List<String> fromSource = demo.optionsOf(key).stream().map(o -> o.value() + "=" + o.label()).toList();
          assertThat(fromSource).as("%s: the options of %s have a source in the code", file, key).isNotEmpty();
          assertThat(inForm).as("%s: the options of %s", file, key).isEqualTo(fromSource);
          checked.add(file.getFileName() + ":" + key);
        }
      }
    }
    assertThat(checked).contains("incident-report.form:cause", "assess-incident.form:cause",
        "incident-report.form:breachTypes", "assess-incident.form:dataCategories", "assess-incident.form:recipient",
        "assess-incident.form:identifiability", "inform-data-subjects.form:dataSubjectCommunication",
        "notify-imy.form:imyReportType", "incident-report.form:controllerId",
        "supplier-incident.form:controllerId", "supplier-incident.form:cause", "supplier-incident.form:breachTypes",
        "supplier-incident.form:dataCategories");
  }

  @Test
  void shouldDeployTheEnumsTextsWhateverTheFileSays() throws Exception {
    ObjectNode form = (ObjectNode) json.readTree(Path.of("forms", "assess-incident.form").toFile());
    List<ObjectNode> fields = new ArrayList<>();
    FormOptions.collect(form, fields);
    ObjectNode cause = fields.stream().filter(f -> f.path("key").asText().equals("cause")).findFirst().orElseThrow();
    ((ObjectNode) cause.path("values").get(0)).put("label", "Felskickad e-post (gammal text)");
    FormOptions options = new FormOptions(new ControllerRegistry(List.of(controller("ks", "Kommunstyrelsen"))));

    JsonNode deployed = json.readTree(options.withOptions(json.writeValueAsBytes(form)));

    List<ObjectNode> written = new ArrayList<>();
    FormOptions.collect(deployed, written);
    JsonNode first = written.stream().filter(f -> f.path("key").asText().equals("cause")).findFirst().orElseThrow()
        .path("values").get(0);
    assertThat(first.path("label").asText()).as("the deployed form says what the enum says")
        .isEqualTo(se.breachflow.assessment.Cause.MISDIRECTED_EMAIL.choice());
  }

  private static DataController controller(String id, String name) {
    return new DataController(id, name, null, null, null);
  }

  private static JsonNode field(JsonNode form) {
    for (JsonNode component : form.path("components")) {
      if (FormOptions.CONTROLLER_FIELD.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no controller field");
  }

  /** The options of a field inside a dynamic list (by the list's path). */
  private static List<String> nestedOptions(JsonNode form, String list, String key) {
    List<String> options = new ArrayList<>();
    for (JsonNode component : form.path("components")) {
      if (list.equals(component.path("path").asText())) {
        for (JsonNode field : component.path("components")) {
          if (key.equals(field.path("key").asText())) {
            field.path("values").forEach(value -> options.add(value.path("value").asText() + "="
                + value.path("label").asText()));
            return options;
          }
        }
      }
    }
    throw new AssertionError("no field " + key + " in the list " + list);
  }

  private static List<String> options(JsonNode form) {
    List<String> options = new ArrayList<>();
    field(form).path("values").forEach(value -> options.add(value.path("value").asText() + "=" + value.path("label").asText()));
    return options;
  }
}
