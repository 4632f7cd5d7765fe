package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.breachflow.support.Calls;
import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.WebappSession;

/**
 * Issue 16, point 1: a coordinator of Kommunstyrelsen (ks) only, completing <i>Bedöm incidenten</i> with one
 * variable more than the form has — {@code controllerId=sn} — sent the case to Socialnämnden's DPO; the same way
 * {@code incidentNumber} became a Markdown link in the DPO's form. Every way of re-routing a case or setting a
 * process variable is refused, and nothing changes: the task stays open, the variables and the record are as
 * they were, and no task reaches another controller.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class ReroutingAttackTest {

  private static final String COORDINATOR = "attack-coordinator-ks";
  /** The coordinator's answers to the assessment (the rest of the form as shown). */
  private static final Map<String, Object> ASSESSMENT = Map.of("identifiability", "MAXIMUM",
      "confidentialityLoss", "KNOWN_RECIPIENTS", "integrityLoss", "NONE", "availabilityLoss", "NONE");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IncidentRepository incidents;

  private Calls calls;
  private ProcessInstance instance;
  private Task assessment;
  private Map<String, Object> variablesBefore;
  private Incident recordBefore;

  @BeforeEach
  void reportAndClaim() {
    AccessUsers.create(identity, COORDINATOR, Groups.STAFF, Groups.coordinators("ks"));
    calls = new Calls(http);
    instance = driver.report();
    assessment = driver.task(instance, BpmnIds.ASSESS);
    driver.as(COORDINATOR, () -> tasks.claim(assessment.getId(), COORDINATOR));
    variablesBefore = runtime.getVariables(instance.getId());
    recordBefore = incidents.find(instance.getBusinessKey()).orElseThrow();
  }

  @Test
  void tasklistsOwnSubmitWithAnotherControllerIsRefusedAndNamesTheVariable() throws Exception {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login(COORDINATOR, "tasklist")).isEqualTo(200);

    HttpResponse<String> answer = tasklist.post("/camunda/api/engine/engine/default/task/" + assessment.getId()
        + "/submit-form", driver.submissionJson(assessment, with(ASSESSMENT, "controllerId", "sn")));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("controllerId").contains("hör inte till formuläret");
    assertNothingChanged();
  }

  @Test
  void engineRestCompleteAndSubmitFormWithAnotherControllerAreRefused() {
    for (String endpoint : List.of("complete", "submit-form")) {
      ResponseEntity<String> answer = calls.post(COORDINATOR, "/engine-rest/task/" + assessment.getId() + "/"
          + endpoint, driver.submissionJson(assessment, with(ASSESSMENT, "controllerId", "sn")));
      assertThat(answer.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).as(endpoint).contains("controllerId");
    }
    assertNothingChanged();
  }

  @Test
  void theIncidentNumberCannotBeReplacedByALink() {
    ResponseEntity<String> answer = calls.post(COORDINATOR, "/engine-rest/task/" + assessment.getId()
        + "/submit-form", driver.submissionJson(assessment,
            with(ASSESSMENT, "incidentNumber", "[PUI-2026-0001](https://angripare.example/)")));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("incidentNumber");
    assertNothingChanged();
  }

  /**
   * Engine REST refuses these to non-administrators by path (access/EngineRestAllowList); Tasklist's own engine
   * API has no such list: there the boundary refuses them. Both are tried.
   */
  @Test
  void variablesCannotBeSetDirectlyOnTheTaskOrTheInstance() throws Exception {
    for (Root root : roots()) {
      assertThat(root.put("/task/" + assessment.getId() + "/variables/controllerId", "{\"value\": \"sn\"}"))
          .as(root + " task variable").isEqualTo(403);
      assertThat(root.put("/task/" + assessment.getId() + "/localVariables/controllerId", "{\"value\": \"sn\"}"))
          .as(root + " local variable").isEqualTo(403);
      assertThat(root.post("/task/" + assessment.getId() + "/variables",
          "{\"modifications\": {\"controllerId\": {\"value\": \"sn\"}}}")).as(root + " task variables")
          .isEqualTo(403);
      assertThat(root.post("/process-instance/" + instance.getId() + "/variables",
          "{\"modifications\": {\"controllerId\": {\"value\": \"sn\"}}}")).as(root + " instance variables")
          .isEqualTo(403);
      assertThat(root.post("/task/" + assessment.getId() + "/resolve",
          "{\"variables\": {\"controllerId\": {\"value\": \"sn\"}}}")).as(root + " resolve").isIn(400, 403);
    }
    assertNothingChanged();
  }

  @Test
  void theTaskCannotBeGivenToAnotherControllersGroupNorEndedByAnError() throws Exception {
    for (Root root : roots()) {
      assertThat(root.post("/task/" + assessment.getId() + "/identity-links",
          "{\"groupId\": \"dpo-sn\", \"type\": \"candidate\"}")).as(root + " add a group").isEqualTo(403);
      assertThat(root.post("/task/" + assessment.getId() + "/identity-links/delete",
          "{\"groupId\": \"coordinator-ks\", \"type\": \"candidate\"}")).as(root + " remove the group")
          .isEqualTo(403);
      assertThat(root.post("/task/" + assessment.getId() + "/bpmnError", "{\"errorCode\": \"stoppa\"}"))
          .as(root + " BPMN error").isEqualTo(403);
      assertThat(root.post("/task/" + assessment.getId() + "/bpmnEscalation", "{\"escalationCode\": \"stoppa\"}"))
          .as(root + " escalation").isEqualTo(403);
      assertThat(root.post("/process-instance/" + instance.getId() + "/modification",
          "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"userTask_assessIncident\"}]}"))
          .as(root + " modification").isEqualTo(403);
    }
    assertThat(tasks.getIdentityLinksForTask(assessment.getId())).extracting(IdentityLink::getGroupId)
        .containsOnly(null, Groups.coordinators("ks"));
    assertNothingChanged();
  }

  @Test
  void theTaskKeepsItsNameAndDeadlineAndIsClaimedOnlyForOneself() throws Exception {
    for (Root root : roots()) {
      assertThat(root.put("/task/" + assessment.getId(), """
          {"name": "Inget att göra", "due": "2099-01-01T00:00:00.000+0000", "assignee": "%s"}"""
          .formatted(COORDINATOR))).as(root + " rename").isEqualTo(403);
    }
    driver.as(COORDINATOR, () -> tasks.setAssignee(assessment.getId(), null));
    for (Root root : roots()) {
      assertThat(root.post("/task/" + assessment.getId() + "/claim", "{\"userId\": \"coordinator\"}"))
          .as(root + " claim for another").isEqualTo(403);
    }

    Task task = driver.task(instance, BpmnIds.ASSESS);
    assertThat(task.getName()).isEqualTo("Bedöm incidenten");
    assertThat(task.getDueDate().toInstant()).isEqualTo(recordBefore.authorityDeadline());
    assertThat(task.getAssignee()).isNull();
  }

  /** Engine REST with the coordinator's password, and Tasklist's engine API with the coordinator's session. */
  private List<Root> roots() throws Exception {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login(COORDINATOR, "tasklist")).isEqualTo(200);
    return List.of(
        new Root("engine REST", (method, path, body) -> (method.equals("PUT") ? calls.put(COORDINATOR,
            "/engine-rest" + path, body) : calls.post(COORDINATOR, "/engine-rest" + path, body)).getStatusCode().value()),
        new Root("Tasklist", (method, path, body) -> (method.equals("PUT")
            ? tasklist.put("/camunda/api/engine/engine/default" + path, body)
            : tasklist.post("/camunda/api/engine/engine/default" + path, body)).statusCode()));
  }

  /** One way to the engine's REST API, answering the status of a JSON request. */
  private record Root(String name, Send send) {
    int post(String path, String body) throws Exception {
      return send.status("POST", path, body);
    }

    int put(String path, String body) throws Exception {
      return send.status("PUT", path, body);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  private interface Send {
    int status(String method, String path, String body) throws Exception;
  }

  @Test
  void theFormItselfStillWorks() {
    ResponseEntity<String> answer = calls.post(COORDINATOR, "/engine-rest/task/" + assessment.getId()
        + "/submit-form", driver.submissionJson(assessment, ASSESSMENT));

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    Task review = driver.task(instance, BpmnIds.DPO_ADVICE);
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsOnly(Groups.dpo("ks"));
    assertThat(runtime.getVariable(instance.getId(), "controllerId")).isEqualTo("ks");
  }

  private void assertNothingChanged() {
    assertThat(driver.task(instance, BpmnIds.ASSESS).getId()).as("the assessment is still open")
        .isEqualTo(assessment.getId());
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly(BpmnIds.ASSESS);
    assertThat(tasks.createTaskQuery().taskCandidateGroup(Groups.dpo("sn")).processInstanceId(instance.getId())
        .count()).isZero();
    assertThat(runtime.getVariables(instance.getId())).isEqualTo(variablesBefore);
    assertThat(runtime.getVariable(instance.getId(), "controllerId")).isEqualTo("ks");
    Incident record = incidents.find(instance.getBusinessKey()).orElseThrow();
    assertThat(record.controllerId()).isEqualTo("ks");
    assertThat(record.facts()).isEqualTo(recordBefore.facts());
    assertThat(record.report()).isEqualTo(recordBefore.report());
  }

  private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
    Map<String, Object> more = new HashMap<>(values);
    more.put(name, value);
    return more;
  }
}
