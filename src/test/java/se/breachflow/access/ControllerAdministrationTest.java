package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.Calls;
import se.breachflow.document.Pdfs;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.TestControllers;
import se.breachflow.register.RetentionService;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.Reports;
import se.breachflow.support.WebappSession;
import se.breachflow.workflow.BpmnIds;

/**
 * An administrator adds and changes a nämnd over the API, without a restart: at once it has its groups, their
 * grants and Tasklist's filters; the report form served to Tasklist lists it; a report for it is accepted and
 * goes to its coordinators; its DPO is on the IMY document and its retention period is the one retention uses.
 */
@BreachflowTest
public class ControllerAdministrationTest {

  static final String ID = "t-vaab";

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired ControllerRegistry controllers;
  @Autowired RetentionService retention;
  @Autowired JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void removeTheTestsControllers() {
    EngineClock.reset();
    identity.clearAuthentication();
    TestControllers.remove(jdbc, identity, ID);
  }

  public static String body(String name, String email, String retention) {
    return """
        {"name": "%s", "organisationNumber": "212000-0000", "postalAddress": "Box 1, 100 00 Exempelstad",
         "dpo": {"name": "Dataskyddsombudet Vera Vattensson", "email": "%s", "phone": "010-123 45 67"},
         "retentionPeriod": %s}""".formatted(name, email, retention == null ? "null" : "\"" + retention + "\"");
  }

  @Test
  void shouldAddANamndThatIsUsableAtOnceAndChangeIt() throws Exception {
    assertThat(controllers.find(ID)).isEmpty();

    ResponseEntity<String> created = put("admin", ID, body("Vatten och avfall AB", "dso@vaab.example", "P5Y"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasPath("/api/controllers/" + ID);
    JsonNode view = json.readTree(created.getBody());
    assertThat(view.path("name").asText()).isEqualTo("Vatten och avfall AB");
    assertThat(view.path("dpo").path("email").asText()).isEqualTo("dso@vaab.example");
    assertThat(view.path("retentionPeriod").asText()).isEqualTo("P5Y");
    assertThat(json.readTree(get("admin", "/api/controllers").getBody()).findValuesAsText("id"))
        .containsExactly("ks", "sn", "bun", ID);

    // Its groups, their grants and the filters, at once.
    for (String group : List.of("coordinator-" + ID, "dpo-" + ID, "decision-maker-" + ID, "security-" + ID,
        "management-" + ID)) {
      assertThat(identity.createGroupQuery().groupId(group).singleResult()).as(group).isNotNull();
    }
    assertThat(identity.createGroupQuery().groupId("coordinator-" + ID).singleResult().getName())
        .isEqualTo("Dataskyddssamordnare – Vatten och avfall AB");
    assertThat(authorizations.isUserAuthorized("nobody", List.of("coordinator-" + ID), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizations.isUserAuthorized("nobody", List.of("management-" + ID), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizations.isUserAuthorized("nobody", List.of("coordinator-" + ID), Permissions.READ,
        Resources.PROCESS_DEFINITION, BpmnIds.PROCESS)).isTrue();
    assertThat(authorizations.isUserAuthorized("nobody", List.of("dpo-" + ID), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, BpmnIds.SUPPLIER_PROCESS)).isTrue();
    AccessUsers.create(identity, "t-vaab-coordinator", Groups.STAFF, "coordinator-" + ID);
    AccessUsers.create(identity, "t-vaab-dpo", Groups.STAFF, "dpo-" + ID);

    // The report form as Tasklist fetches it lists the new nämnd, over the webapps' engine API and engine REST.
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS)
        .latestVersion().singleResult().getId();
    ResponseEntity<String> form = get("reporter", "/engine-rest/process-definition/" + definition
        + "/deployed-start-form");
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(controllerOptions(json.readTree(form.getBody()))).containsExactly("ks=Kommunstyrelsen",
        "sn=Socialnämnden", "bun=Barn- och utbildningsnämnden", ID + "=Vatten och avfall AB");

    // The same over the webapps' engine API, which Tasklist calls with its login; and the supplier incident's form.
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("t-vaab-dpo", "tasklist")).isEqualTo(200);
    HttpResponse<byte[]> served = tasklist.get("/camunda/api/engine/engine/default/process-definition/" + definition
        + "/deployed-start-form");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(controllerOptions(json.readTree(served.body()))).contains(ID + "=Vatten och avfall AB");
    String supplierDefinition = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.SUPPLIER_PROCESS)
        .latestVersion().singleResult().getId();
    HttpResponse<byte[]> supplierForm = tasklist.get("/camunda/api/engine/engine/default/process-definition/"
        + supplierDefinition + "/deployed-start-form");
    assertThat(supplierForm.statusCode()).isEqualTo(200);
    assertThat(new String(supplierForm.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"value\" : \"" + ID + "\"");

    // Its DPO registers a supplier incident for it.
    ResponseEntity<String> supplier = post("t-vaab-dpo", "/api/supplier-incidents", """
        {"processor": "Exempel HR AB", "processorOrganisationNumber": "556000-0000",
         "description": "Intrång i lönesystemet hos leverantören.", "systems": "Lönesystemet", "cause": "HACKING",
         "occurredAt": "2026-11-20T08:00:00+01:00", "endedAt": null, "thirdCountry": false,
         "breachTypes": ["CONFIDENTIALITY"], "dataCategories": ["IDENTITY"],
         "controllers": [{"controllerId": "%s", "notifiedAt": "2026-11-20T10:00:00+01:00", "dataSubjectCount": 12}]}"""
        .formatted(ID));
    assertThat(supplier.getStatusCode()).as(supplier.getBody()).isEqualTo(HttpStatus.CREATED);

    // A report for it is accepted and its assessment goes to its coordinators, who find it in their filter.
    ResponseEntity<String> report = post("reporter", "/api/incidents", Reports.contractJson(ID));
    assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.CREATED);
    String number = json.readTree(report.getBody()).path("number").asText();
    Task assessment = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(assessment.getTaskDefinitionKey()).isEqualTo(BpmnIds.ASSESS);
    assertThat(tasks.getIdentityLinksForTask(assessment.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("coordinator-" + ID);
    Filter groupFilter = filters.createFilterQuery().filterName("Min grupps uppgifter").singleResult();
    identity.setAuthentication("t-vaab-coordinator", List.of(Groups.STAFF, "coordinator-" + ID));
    try {
      List<Task> listed = filters.list(groupFilter.getId());
      assertThat(listed).extracting(Task::getId).contains(assessment.getId());
    } finally {
      identity.clearAuthentication();
    }

    // Its DPO's contact is on the IMY document; its retention period is the one retention uses.
    ResponseEntity<byte[]> document = http.withBasicAuth("t-vaab-dpo", "t-vaab-dpo").getForEntity(
        "/api/incidents/" + number + "/documents/imy-notification", byte[].class);
    assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text = Pdfs.text(document.getBody());
    assertThat(text).contains("Vatten och avfall AB", "Dataskyddsombudet Vera Vattensson", "dso@vaab.example");
    assertThat(retention.periodOf(controllers.find(ID).orElseThrow())).isEqualTo(Period.ofYears(5));

    // Changed: 200, the new values everywhere at once; the group keeps its members and takes the new name.
    ResponseEntity<String> changed = put("admin", ID, body("Vatten- och avfallsbolaget AB", "dpo@vaab.example", null));
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(controllers.find(ID).orElseThrow().dpo().email()).isEqualTo("dpo@vaab.example");
    assertThat(retention.periodOf(controllers.find(ID).orElseThrow())).as("the default again").isEqualTo(Period.ofYears(10));
    assertThat(identity.createGroupQuery().groupId("coordinator-" + ID).singleResult().getName())
        .isEqualTo("Dataskyddssamordnare – Vatten- och avfallsbolaget AB");
    assertThat(identity.createUserQuery().memberOfGroup("coordinator-" + ID).userId("t-vaab-coordinator").count())
        .isEqualTo(1);
    assertThat(Pdfs.text(http.withBasicAuth("t-vaab-dpo", "t-vaab-dpo").getForEntity(
        "/api/incidents/" + number + "/documents/imy-notification", byte[].class).getBody()))
        .contains("dpo@vaab.example");

    // Who changed what.
    List<Map<String, Object>> audit = jdbc.queryForList(
        "select changed_by, change_kind, old_values, new_values from controller_audit where controller_id = ? order by id",
        ID);
    assertThat(audit).extracting(row -> row.get("CHANGE_KIND")).containsExactly("CREATED", "CHANGED");
    assertThat(audit).extracting(row -> row.get("CHANGED_BY")).containsExactly("admin", "admin");
    assertThat((String) audit.get(1).get("OLD_VALUES")).contains("dso@vaab.example");
    assertThat((String) audit.get(1).get("NEW_VALUES")).contains("dpo@vaab.example");

    // The same again changes nothing and is still 200.
    assertThat(put("admin", ID, body("Vatten- och avfallsbolaget AB", "dpo@vaab.example", null)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForObject("select count(*) from controller_audit where controller_id = ?", Integer.class, ID))
        .isEqualTo(2);
  }

  @Test
  void shouldLetOnlyAdministratorsListAndChangeTheControllers() {
    for (String user : List.of("reporter", "coordinator", "dpo", "manager", "decider", "security")) {
      ResponseEntity<String> list = get(user, "/api/controllers");
      assertThat(list.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(list.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(put(user, ID, body("Vatten och avfall AB", "dso@vaab.example", "P5Y")).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.getForEntity("/api/controllers", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.exchange("/api/controllers/" + ID, HttpMethod.PUT,
        new HttpEntity<>(body("Vatten och avfall AB", "dso@vaab.example", "P5Y"), headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("admin", "wrong").exchange("/api/controllers/" + ID, HttpMethod.PUT,
        new HttpEntity<>(body("Vatten och avfall AB", "dso@vaab.example", "P5Y"), headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(controllers.find(ID)).as("nothing was stored").isEmpty();
    assertThat(identity.createGroupQuery().groupId("coordinator-" + ID).count()).isZero();
  }

  private List<String> controllerOptions(JsonNode form) {
    List<String> options = new java.util.ArrayList<>();
    for (JsonNode component : form.path("components")) {
      if ("controllerId".equals(component.path("key").asText())) {
        component.path("values").forEach(v -> options.add(v.path("value").asText() + "=" + v.path("label").asText()));
      }
    }
    return options;
  }

  ResponseEntity<String> put(String user, String id, String body) {
    return new Calls(http).put(user, "/api/controllers/" + id, body);
  }

  ResponseEntity<String> post(String user, String path, String body) {
    return new Calls(http).post(user, path, body);
  }

  ResponseEntity<String> get(String user, String path) {
    return new Calls(http).get(user, path);
  }
}
