package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.support.TestLogin;

/**
 * Who may do what, over the project's API, engine REST (what Tasklist and Cockpit use) and the engine's task
 * queries. Controller A is {@code ks}, B is {@code sn}. Every role holds one controller only; the demo users,
 * who hold both, take no part. Password = user id; also with single sign-on, the roles from the token's groups.
 */
@BreachflowTest
@AlsoWithSingleSignOn
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {


  /** The coordinator's changes to the assessment form (the rest is submitted as shown, as Tasklist does). */
  private static final Map<String, Object> ASSESSMENT = Map.of(
      "identifiability", "MAXIMUM", "confidentialityLoss", "KNOWN_RECIPIENTS", "integrityLoss", "NONE",
      "availabilityLoss", "NONE", "maliciousIntent", false, "unintelligible", false, "publiclyAvailable", false);

  private static final Map<String, Object> ADVICE = Map.of(
      "dpoAdviceNotABreach", false, "dpoAdviceNotifyImy", true, "dpoAdviceInformDataSubjects", false,
      "dpoAdviceReasons", "Barnen informeras inte: mottagaren har raderat.");

  private static final Map<String, Object> DECISION = Map.of(
      "notABreach", false, "notifyImy", true, "informDataSubjects", false, "informUrgently", false,
      "decisionJustification", "Barnen informeras inte: mottagaren har raderat.");

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IncidentDriver driver;
  private final ObjectMapper json = new ObjectMapper();

  /** Reported by staff-a, controller A. */
  private String own;
  /** Reported by someone else (the demo reporter), controller A. */
  private String othersA;
  /** Reported by someone else, controller B. */
  private String othersB;

  @BeforeAll
  void peopleAndIncidents() throws Exception {
    AccessUsers.create(identity, "staff-a", Groups.STAFF);
    AccessUsers.create(identity, "coordinator-a", Groups.STAFF, Groups.coordinators("ks"));
    AccessUsers.create(identity, "dpo-a", Groups.STAFF, Groups.dpo("ks"));
    AccessUsers.create(identity, "decider-a", Groups.STAFF, Groups.decisionMakers("ks"));
    AccessUsers.create(identity, "management-a", Groups.STAFF, Groups.management("ks"));
    AccessUsers.create(identity, "decider-b", Groups.STAFF, Groups.decisionMakers("sn"));
    AccessUsers.create(identity, "dpo-b", Groups.STAFF, Groups.dpo("sn"));
    AccessUsers.create(identity, "no-role");
    EngineClock.set("2026-11-20T12:00:00+01:00");
    try {
      own = report("staff-a", "ks");
      othersA = report("reporter", "ks");
      othersB = report("reporter", "sn");
    } finally {
      EngineClock.reset();
    }
  }

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  /** GET /api/incidents/{number}: the reporter's own incident, and one someone else reported. */
  @ParameterizedTest(name = "{0}: own report {1}, another''s report {2}")
  @CsvSource({
      "staff-a,       200, 404",
      "coordinator-a, 200, 200",
      "dpo-a,         200, 200",
      "management-a,  200, 200",
      "dpo-b,         404, 404",
      "no-role,       404, 404",
      "anonymous,     401, 401"})
  void readIncident(String role, int ownStatus, int othersStatus) {
    assertThat(api(role, "/api/incidents/" + own).getStatusCode().value()).as("own report").isEqualTo(ownStatus);
    assertThat(api(role, "/api/incidents/" + othersA).getStatusCode().value()).as("another's report")
        .isEqualTo(othersStatus);
  }

  /**
   * The reporter sees the status of the report, not the case: no risk factors, final assessment, decision,
   * IMY data or tasks. The DPO's decision is checked on an incident that has one.
   */
  @Test
  void staffSeeTheirReportsStatusButNotTheDposNotes() throws Exception {
    JsonNode reporterView = json.readTree(api("staff-a", "/api/incidents/" + own).getBody());
    assertThat(reporterView.get("status").asText()).isEqualTo("ASSESSMENT");
    assertThat(reporterView.get("authorityDeadline").asText()).isNotEmpty();
    assertThat(reporterView.get("description").asText()).isNotEmpty();
    assertThat(reporterView.has("preliminaryAssessment")).as("the rules' reading of the report").isTrue();
    assertThat(reporterView.has("riskFacts")).isFalse();
    assertThat(reporterView.has("finalAssessment")).isFalse();
    assertThat(reporterView.has("dataSubjects")).isFalse();
    assertThat(reporterView.has("followUp")).isFalse();
    assertThat(reporterView.has("decision")).isFalse();
    assertThat(reporterView.has("imy")).isFalse();
    assertThat(reporterView.has("openTasks")).isFalse();

    JsonNode caseView = json.readTree(api("management-a", "/api/incidents/" + own).getBody());
    assertThat(caseView.has("riskFacts")).isTrue();
    assertThat(caseView.has("openTasks")).isTrue();

    String decided = report("staff-a", "ks");
    Task assessment = openTask(decided, BpmnIds.ASSESS);
    assertThat(engineRest("coordinator-a", "/engine-rest/task/" + assessment.getId() + "/submit-form",
        driver.submissionJson(assessment, ASSESSMENT)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task review = openTask(decided, BpmnIds.DPO_ADVICE);
    assertThat(engineRest("dpo-a", "/engine-rest/task/" + review.getId() + "/submit-form",
        driver.submissionJson(review, ADVICE)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task decision = openTask(decided, BpmnIds.DECISION);
    assertThat(engineRest("decider-a", "/engine-rest/task/" + decision.getId() + "/submit-form",
        driver.submissionJson(decision, DECISION)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode afterDecision = json.readTree(api("staff-a", "/api/incidents/" + decided).getBody());
    assertThat(afterDecision.get("status").asText()).isEqualTo("IMY_NOTIFICATION");
    assertThat(afterDecision.has("decision")).isFalse();
    assertThat(afterDecision.has("finalAssessment")).isFalse();
    assertThat(afterDecision.toString()).doesNotContain("Barnen informeras inte");
    assertThat(json.readTree(api("dpo-a", "/api/incidents/" + decided).getBody()).get("decision")
        .get("justification").asText()).isEqualTo("Barnen informeras inte: mottagaren har raderat.");
  }

  /** GET /api/incidents: which of the three incidents each role finds in the list. */
  @ParameterizedTest(name = "{0}: lists {1}")
  @CsvSource({
      "staff-a,       own",
      "coordinator-a, own othersA",
      "dpo-a,         own othersA",
      "management-a,  own othersA",
      "dpo-b,         othersB",
      "no-role,       ''",
      "anonymous,     401"})
  void list(String role, String expected) throws Exception {
    ResponseEntity<String> response = api(role, "/api/incidents?size=200");
    if (expected.equals("401")) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      return;
    }
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> listed = json.readTree(response.getBody()).get("incidents").findValuesAsText("number");
    Map<String, String> names = Map.of("own", own, "othersA", othersA, "othersB", othersB);
    names.forEach((name, number) -> assertThat(listed.contains(number)).as(name)
        .isEqualTo(List.of(expected.split(" ")).contains(name)));
  }

  /**
   * The engine's side: the open tasks of A's incident in the role's task query (engine REST, as Tasklist
   * asks), the process instance and its history (as Cockpit asks).
   */
  @ParameterizedTest(name = "{0}: tasks {1}, instance {2}, history {3}")
  @CsvSource({
      "staff-a,       0, 0, 0",
      "coordinator-a, 1, 1, 1",
      "dpo-a,         0, 1, 1",
      "management-a,  0, 1, 1",
      "dpo-b,         0, 0, 0",
      "no-role,       0, 0, 0"})
  void engineQueries(String role, int tasksSeen, int instancesSeen, int historySeen) throws Exception {
    assertThat(count(role, "/engine-rest/task/count?processInstanceBusinessKey=" + othersA)).as("tasks")
        .isEqualTo(tasksSeen);
    assertThat(count(role, "/engine-rest/process-instance/count?businessKey=" + othersA)).as("instance")
        .isEqualTo(instancesSeen);
    assertThat(count(role, "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + othersA))
        .as("history").isEqualTo(historySeen);
    assertThat(count(role, "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + othersB))
        .as("history of B").isEqualTo(role.equals("dpo-b") ? 1 : 0);
  }

  /**
   * Camunda 7 counts every running instance of a definition in the process definition statistics for anyone who
   * may read the definition; per-instance grants do not filter them. So only administrators get them (the allow
   * lists): management of A would otherwise learn how many incidents every other controller has. The instance
   * list, the instances themselves and their history are filtered per controller.
   */
  @Test
  void theStatisticsOfAllControllersAreRefusedAndTheListHasOnlyTheControllers() throws Exception {
    long all = runtime.createProcessInstanceQuery().processDefinitionKey(BpmnIds.PROCESS).count();
    long ofA = runtime.createProcessInstanceQuery().processDefinitionKey(BpmnIds.PROCESS)
        .variableValueEquals("controllerId", "ks").count();
    assertThat(ofA).isLessThan(all);

    for (String role : List.of("management-a", "coordinator-a", "staff-a")) {
      assertThat(api(role, "/engine-rest/process-definition/statistics").getStatusCode()).as(role)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(api("admin", "/engine-rest/process-definition/statistics").getStatusCode()).as("admin")
        .isEqualTo(HttpStatus.OK);
    assertThat(api("management-a", "/engine-rest/process-definition/key/" + BpmnIds.PROCESS).getStatusCode())
        .as("the definition itself").isEqualTo(HttpStatus.OK);
    assertThat(count("management-a", "/engine-rest/process-instance/count?processDefinitionKey=" + BpmnIds.PROCESS))
        .as("instances: A's only").isEqualTo((int) ofA);
  }

  @Test
  void engineRestNeedsALogin() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance",
        "/engine-rest/history/process-instance")) {
      assertThat(api("anonymous", path).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }

  /** Completing the coordinators' task of A (assessment) over engine REST. */
  @ParameterizedTest(name = "{0}: complete the assessment {1}")
  @CsvSource({
      "staff-a,       403",
      "coordinator-a, 204",
      "dpo-a,         403",
      "management-a,  403",
      "dpo-b,         403",
      "no-role,       403",
      "anonymous,     401"})
  void completeTheAssessment(String role, int expected) throws Exception {
    String number = report("reporter", "ks");
    Task task = openTask(number, BpmnIds.ASSESS);
    assertThat(engineRest(role, "/engine-rest/task/" + task.getId() + "/submit-form",
        driver.submissionJson(task, ASSESSMENT))
        .getStatusCode().value()).isEqualTo(expected);
    assertThat(openTasks(number)).as("the assessment is done exactly when allowed")
        .isEqualTo(expected == 204 ? List.of(BpmnIds.DPO_ADVICE) : List.of(BpmnIds.ASSESS));
  }

  /** Completing the DPO's task of A (the advice) over engine REST. */
  @ParameterizedTest(name = "{0}: complete the DPO's advice {1}")
  @CsvSource({
      "staff-a,       403",
      "coordinator-a, 403",
      "dpo-a,         204",
      "decider-a,     403",
      "management-a,  403",
      "dpo-b,         403",
      "no-role,       403",
      "anonymous,     401"})
  void completeTheDpoAdvice(String role, int expected) throws Exception {
    String number = report("reporter", "ks");
    Task assessment = openTask(number, BpmnIds.ASSESS);
    assertThat(engineRest("coordinator-a", "/engine-rest/task/" + assessment.getId() + "/submit-form",
        driver.submissionJson(assessment, ASSESSMENT)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task review = openTask(number, BpmnIds.DPO_ADVICE);
    assertThat(engineRest(role, "/engine-rest/task/" + review.getId() + "/submit-form",
        driver.submissionJson(review, ADVICE))
        .getStatusCode().value()).isEqualTo(expected);
    assertThat(openTasks(number).contains(BpmnIds.DPO_ADVICE)).isEqualTo(expected != 204);
  }

  /** Completing the controller's decision of A over engine REST: its decision makers only. */
  @ParameterizedTest(name = "{0}: complete the decision {1}")
  @CsvSource({
      "staff-a,       403",
      "coordinator-a, 403",
      "dpo-a,         403",
      "decider-a,     204",
      "management-a,  403",
      "decider-b,     403",
      "no-role,       403",
      "anonymous,     401"})
  void completeTheDecision(String role, int expected) throws Exception {
    String number = report("reporter", "ks");
    Task assessment = openTask(number, BpmnIds.ASSESS);
    assertThat(engineRest("coordinator-a", "/engine-rest/task/" + assessment.getId() + "/submit-form",
        driver.submissionJson(assessment, ASSESSMENT)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task advice = openTask(number, BpmnIds.DPO_ADVICE);
    assertThat(engineRest("dpo-a", "/engine-rest/task/" + advice.getId() + "/submit-form",
        driver.submissionJson(advice, ADVICE)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task decision = openTask(number, BpmnIds.DECISION);
    assertThat(engineRest(role, "/engine-rest/task/" + decision.getId() + "/submit-form",
        driver.submissionJson(decision, DECISION))
        .getStatusCode().value()).isEqualTo(expected);
    assertThat(openTasks(number).contains(BpmnIds.DECISION)).isEqualTo(expected != 204);
  }

  /** Management reads, never writes: no claim, no variable change, no cancellation. */
  @Test
  void managementIsReadOnly() throws Exception {
    String number = report("reporter", "ks");
    Task task = openTask(number, BpmnIds.ASSESS);
    String instance = task.getProcessInstanceId();
    assertThat(engineRest("management-a", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\": \"management-a\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineRest("management-a", "/engine-rest/process-instance/" + instance + "/variables",
        "{\"modifications\": {\"controllerId\": {\"value\": \"sn\"}}}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.exchange("/engine-rest/process-instance/" + instance, HttpMethod.DELETE,
        entity("management-a", null), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(openTasks(number)).containsExactly(BpmnIds.ASSESS);
  }

  /** Anyone on the staff may report for any controller; someone without a role may not start the process. */
  @Test
  void staffReportForAnyControllerAndNobodyElse() {
    assertThat(post("staff-a", "sn").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(post("no-role", "ks").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("anonymous", "ks").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /**
   * The processes Tasklist offers to start, asked as Tasklist asks (startable in Tasklist, with the user's
   * permission to start them): the report to staff, a supplier incident to coordinators and DPOs only.
   */
  @ParameterizedTest(name = "{0} may start: {1}")
  @CsvSource({
      "staff-a,       personal-data-breach",
      "coordinator-a, personal-data-breach supplier-incident",
      "dpo-a,         personal-data-breach supplier-incident",
      "decider-a,     personal-data-breach",
      "management-a,  personal-data-breach",
      "reporter,      personal-data-breach",
      "no-role,       ''",
      "admin,         personal-data-breach supplier-incident",
  })
  void startableProcessesInTasklist(String role, String expected) throws Exception {
    ResponseEntity<String> response = api(role, "/engine-rest/process-definition?latestVersion=true&active=true"
        + "&startableInTasklist=true&startablePermissionCheck=true");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    List<String> keys = new java.util.ArrayList<>();
    json.readTree(response.getBody()).forEach(definition -> keys.add(definition.get("key").asText()));
    assertThat(keys).containsExactlyInAnyOrder(expected.isBlank() ? new String[0] : expected.split(" "));
  }

  private String report(String user, String controller) throws Exception {
    ResponseEntity<String> response = post(user, controller);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(response.getBody()).get("number").asText();
  }

  private ResponseEntity<String> post(String user, String controller) {
    return http.exchange("/api/incidents", HttpMethod.POST,
        entity(user, Reports.contractJson(controller)), String.class);
  }

  private ResponseEntity<String> api(String user, String path) {
    return http.exchange(path, HttpMethod.GET, entity(user, null), String.class);
  }

  private ResponseEntity<String> engineRest(String user, String path, String body) {
    return http.exchange(path, HttpMethod.POST, entity(user, body), String.class);
  }

  private int count(String user, String path) throws Exception {
    ResponseEntity<String> response = api(user, path);
    assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody()).get("count").asInt();
  }

  private Task openTask(String number, String key) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  private List<String> openTasks(String number) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private static HttpEntity<String> entity(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    if (!user.equals("anonymous")) {
      headers.set(HttpHeaders.AUTHORIZATION, TestLogin.authorization(user));
    }
    return new HttpEntity<>(body, headers);
  }
}
