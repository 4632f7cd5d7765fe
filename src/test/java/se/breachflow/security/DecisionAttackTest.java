package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.breachflow.support.Calls;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.workflow.BpmnIds;

/**
 * The tasks of issue 18 — the DPO's advice, the controller's decision, the follow-up's next step and IMY's order —
 * take only their own fields from their own people; the routing they lead to is the application's.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class DecisionAttackTest {

  @Autowired TestRestTemplate http;
  @Autowired IncidentDriver driver;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IncidentRepository incidents;

  private Calls calls;
  private ProcessInstance instance;

  @BeforeEach
  void assessed() {
    calls = new Calls(http);
    instance = driver.report();
    driver.assess(instance, "KNOWN_RECIPIENTS");
  }

  @Test
  void theDpoCannotDecideThroughTheAdviceNorPlantTheDecisionsRouting() {
    Task advice = driver.task(instance, BpmnIds.DPO_ADVICE);
    driver.as("dpo", () -> tasks.claim(advice.getId(), "dpo"));
    Map<String, Object> planted = new HashMap<>(Map.of("dpoAdviceNotifyImy", true,
        "dpoAdviceInformDataSubjects", true, "notifyImy", false, "informUrgently", true, "nextStep", "IMY_ORDER"));

    ResponseEntity<String> answer = calls.post("dpo", "/engine-rest/task/" + advice.getId() + "/submit-form",
        driver.submissionJson(advice, planted));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("notifyImy").contains("informUrgently").contains("nextStep");
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("notifyImy", "informUrgently", "nextStep");
    assertThat(incidents.find(instance.getBusinessKey()).orElseThrow().dpoAdvice()).isNull();
  }

  @Test
  void onlyTheControllersDecisionMakersWorkTheDecision() {
    driver.advise(instance, true, true, null);
    Task decision = driver.task(instance, BpmnIds.DECISION);
    String body = driver.submissionJson(decision, Map.of("notifyImy", true, "informDataSubjects", true));

    for (String outsider : new String[] {"dpo", "coordinator", "reporter", "manager"}) {
      assertThat(calls.post(outsider, "/engine-rest/task/" + decision.getId() + "/claim",
          "{\"userId\": \"" + outsider + "\"}").getStatusCode()).as(outsider + " claims").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(calls.post(outsider, "/engine-rest/task/" + decision.getId() + "/submit-form", body)
          .getStatusCode()).as(outsider + " decides").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    assertThat(calls.post("decider", "/engine-rest/task/" + decision.getId() + "/assignee",
        "{\"userId\": \"dpo\"}").getStatusCode()).as("handed to a non-candidate").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(incidents.find(instance.getBusinessKey()).orElseThrow().decision()).isNull();
  }

  @Test
  void theDecisionsRoutingCannotBeSetAsAProcessVariable() {
    driver.advise(instance, true, true, null);
    for (String variable : new String[] {"informUrgently", "nextStep", "imyOrderDeadline", "notABreach"}) {
      ResponseEntity<String> put = calls.put("decider", "/engine-rest/process-instance/" + instance.getId()
          + "/variables/" + variable, "{\"value\": true}");
      assertThat(put.getStatusCode()).as(variable).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
    }
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("informUrgently", "nextStep",
        "imyOrderDeadline", "notABreach");
  }

  @Test
  void theFollowUpsNextStepTakesOnlyItsOwnChoices() {
    driver.decide(instance, true, false, "Mottagaren har raderat; ingen hög risk.");
    driver.notifyImy(instance, Reports.formTime(Duration.ofMinutes(1)), "COMPLETE");
    Task followUp = driver.task(instance, BpmnIds.FOLLOW_UP);
    driver.as("coordinator", () -> tasks.claim(followUp.getId(), "coordinator"));

    ResponseEntity<String> unknown = calls.post("coordinator", "/engine-rest/task/" + followUp.getId()
        + "/submit-form", driver.submissionJson(followUp, Map.of("nextStep", "REOPEN_WINDOW")));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("nextStep");

    ResponseEntity<String> planted = calls.post("coordinator", "/engine-rest/task/" + followUp.getId()
        + "/submit-form", driver.submissionJson(followUp, Map.of("nextStep", "CLOSE",
            "supplementDue", "2030-01-01T00:00+01:00", "imyOrderDeadline", "2030-01-01T00:00+01:00")));
    assertThat(planted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(planted.getBody()).contains("supplementDue");
    assertThat(driver.task(instance, BpmnIds.FOLLOW_UP).getId()).isEqualTo(followUp.getId());
  }
}
