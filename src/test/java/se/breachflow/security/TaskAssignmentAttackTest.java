package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.breachflow.support.Calls;
import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.WebappSession;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.workflow.RefusedException;

/**
 * Whoever is a task's assignee may read and work it (Camunda grants the assignee the task). A coordinator of
 * Kommunstyrelsen could therefore hand <i>Bedöm incidenten</i> — and the case with it — to anybody: another
 * controller's coordinator, a member of staff, a made-up user. A task is now claimed or assigned only to one of its
 * candidates (a member of its candidate group), whoever asks but an administrator, over Tasklist's calls, engine
 * REST and Java alike; unclaiming stays open. Delegation, which the process has no step for, is refused to people,
 * and a delegated task is not silently "completed" by {@code submit-form} (which would only resolve the delegation
 * and drop the answers).
 */
@BreachflowTest
@AlsoWithSingleSignOn
class TaskAssignmentAttackTest {

  private static final String COORDINATOR = "assign-coordinator-ks";
  private static final String COLLEAGUE = "assign-colleague-ks";
  private static final String OTHER_CONTROLLER = "assign-coordinator-sn";
  private static final String DPO = "assign-dpo-ks";
  private static final Map<String, Object> ASSESSMENT = Map.of("identifiability", "MAXIMUM",
      "confidentialityLoss", "KNOWN_RECIPIENTS", "integrityLoss", "NONE", "availabilityLoss", "NONE");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired TaskService tasks;
  @Autowired IncidentRepository incidents;
  private final ObjectMapper json = new ObjectMapper();

  private ProcessInstance instance;
  private Task assessment;
  private WebappSession tasklist;

  @BeforeEach
  void reportAndClaim() throws Exception {
    AccessUsers.create(identity, COORDINATOR, Groups.STAFF, Groups.coordinators("ks"));
    AccessUsers.create(identity, COLLEAGUE, Groups.STAFF, Groups.coordinators("ks"));
    AccessUsers.create(identity, OTHER_CONTROLLER, Groups.STAFF, Groups.coordinators("sn"));
    AccessUsers.create(identity, DPO, Groups.STAFF, Groups.dpo("ks"));
    instance = driver.report();
    assessment = driver.task(instance, BpmnIds.ASSESS);
    tasklist = new WebappSession(port);
    assertThat(tasklist.login(COORDINATOR, "tasklist")).isEqualTo(200);
    assertThat(post(tasklist, "/claim", "{\"userId\": \"" + COORDINATOR + "\"}").statusCode())
        .as("Tasklist's claim for oneself, by a candidate").isEqualTo(204);
  }

  @Test
  void theTaskCannotBeAssignedToSomeoneWhoIsNotItsCandidate() throws Exception {
    for (String outsider : new String[] {OTHER_CONTROLLER, "reporter", DPO, "manager", "ingen-sadan-anvandare"}) {
      HttpResponse<String> assigned = post(tasklist, "/assignee", "{\"userId\": \"" + outsider + "\"}");
      assertThat(assigned.statusCode()).as(outsider + ": " + assigned.body()).isEqualTo(403);
      assertThat(json.readTree(assigned.body()).path("message").asText()).as(outsider)
          .isEqualTo("Uppgiften kan bara tas av eller tilldelas någon som hör till coordinator-ks.");
      // Tasklist saves the whole task (to set its follow-up date); the assignee is one of its fields.
      ObjectNode whole = (ObjectNode) json.readTree(tasklist.get(task("")).body());
      whole.put("assignee", outsider);
      whole.remove("camundaFormRef"); // engine REST reads it back as an abstract type: a 400 of its own
      HttpResponse<String> saved = tasklist.put(task(""), whole.toString());
      assertThat(saved.statusCode()).as(outsider + " by saving the task: " + saved.body()).isEqualTo(403);
      assertThat(json.readTree(saved.body()).path("message").asText()).as(outsider).startsWith("Uppgiften kan bara");
      driver.as(COORDINATOR, () -> assertThatThrownBy(() -> tasks.setAssignee(assessment.getId(), outsider))
          .as(outsider + " in Java").isInstanceOf(RefusedException.class));
    }
    assertThat(current().getAssignee()).isEqualTo(COORDINATOR);
    assertThat(new Calls(http).get(OTHER_CONTROLLER, "/engine-rest/task/" + assessment.getId()).getStatusCode())
        .as("the other controller's coordinator still cannot read the task").isEqualTo(HttpStatus.NOT_FOUND);

    // Someone who is not a candidate cannot claim it for themselves either.
    driver.as(DPO, () -> assertThatThrownBy(() -> tasks.claim(assessment.getId(), DPO))
        .isInstanceOf(RefusedException.class).hasMessageContaining("coordinator-ks"));
    assertThat(current().getAssignee()).isEqualTo(COORDINATOR);
  }

  @Test
  void aCandidateMayBeAssignedAndTheTaskUnclaimedAndAnAdministratorMayAssignAnyone() throws Exception {
    assertThat(post(tasklist, "/assignee", "{\"userId\": \"" + COLLEAGUE + "\"}").statusCode()).isEqualTo(204);
    assertThat(current().getAssignee()).isEqualTo(COLLEAGUE);
    assertThat(post(tasklist, "/assignee", "{\"userId\": null}").statusCode()).as("nobody").isEqualTo(204);
    assertThat(current().getAssignee()).isNull();
    assertThat(post(tasklist, "/claim", "{\"userId\": \"" + COORDINATOR + "\"}").statusCode()).isEqualTo(204);
    assertThat(post(tasklist, "/unclaim", "").statusCode()).isEqualTo(204);
    assertThat(current().getAssignee()).isNull();

    driver.as("admin", () -> tasks.setAssignee(assessment.getId(), DPO));
    assertThat(current().getAssignee()).as("administrators are exempt").isEqualTo(DPO);
  }

  @Test
  void delegationIsRefusedAndADelegatedTaskIsNotCompletedSilently() throws Exception {
    HttpResponse<String> delegated = post(tasklist, "/delegate", "{\"userId\": \"" + COLLEAGUE + "\"}");
    assertThat(delegated.statusCode()).as("not one of Tasklist's calls: " + delegated.body()).isEqualTo(403);
    driver.as(COORDINATOR, () -> assertThatThrownBy(() -> tasks.delegateTask(assessment.getId(), COLLEAGUE))
        .isInstanceOf(RefusedException.class).hasMessageContaining("delegeras inte"));
    assertThat(current().getDelegationState()).isNull();
    assertThat(current().getAssignee()).isEqualTo(COORDINATOR);

    // An administrator may delegate; the delegate's form is then refused with a reason, and nothing is recorded.
    driver.as("admin", () -> tasks.delegateTask(assessment.getId(), COLLEAGUE));
    assertThat(current().getDelegationState()).isEqualTo(DelegationState.PENDING);
    Incident before = incidents.find(instance.getBusinessKey()).orElseThrow();
    WebappSession colleague = new WebappSession(port);
    assertThat(colleague.login(COLLEAGUE, "tasklist")).isEqualTo(200);
    for (String endpoint : new String[] {"/submit-form", "/complete"}) {
      HttpResponse<String> submitted = post(colleague, endpoint, driver.submissionJson(assessment, ASSESSMENT));
      assertThat(submitted.statusCode()).as(endpoint + ": " + submitted.body()).isEqualTo(403);
      assertThat(json.readTree(submitted.body()).path("message").asText()).as(endpoint)
          .contains("Uppgiften är delegerad och kan inte slutföras nu");
    }
    assertThat(current().getDelegationState()).as("still delegated, not resolved").isEqualTo(DelegationState.PENDING);
    assertThat(incidents.find(instance.getBusinessKey()).orElseThrow().facts()).isEqualTo(before.facts());
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list()).extracting(Task::getTaskDefinitionKey)
        .containsExactly(BpmnIds.ASSESS);
  }

  private Task current() {
    return tasks.createTaskQuery().taskId(assessment.getId()).singleResult();
  }

  private String task(String action) {
    return "/camunda/api/engine/engine/default/task/" + assessment.getId() + action;
  }

  private HttpResponse<String> post(WebappSession session, String action, String body) throws Exception {
    return session.post(task(action), body);
  }
}
