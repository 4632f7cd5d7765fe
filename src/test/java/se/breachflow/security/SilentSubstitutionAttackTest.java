package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
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
import se.breachflow.incident.Decision;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;

/**
 * Issue 16, point 2: the DPO's {@code complete} (not Tasklist's {@code submit-form}) answered 204 but recorded
 * the form's preloaded values instead of what was sent, and the sent values — free text included — became
 * process variables that management could read. Now {@code complete} and {@code submit-form} give the same
 * result: what was sent is what is recorded, a partial answer is checked like a full one, and nothing sent
 * becomes a variable.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class SilentSubstitutionAttackTest {

  private static final String JUSTIFICATION = "Mottagaren är en annan förvaltning som har raderat meddelandet.";

  @Autowired TestRestTemplate http;
  @Autowired IncidentDriver driver;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IncidentRepository incidents;

  private Calls calls;
  private ProcessInstance instance;
  private Task review;

  @BeforeEach
  void reportAndAssess() {
    calls = new Calls(http);
    instance = driver.report();
    // Known recipients, children: the rules recommend notifying IMY and informing the data subjects.
    driver.assess(instance, "KNOWN_RECIPIENTS");
    driver.advise(instance, true, true, null);
    review = driver.task(instance, BpmnIds.DECISION);
    driver.as("decider", () -> tasks.claim(review.getId(), "decider"));
  }

  @Test
  void completeRecordsWhatWasSentAndKeepsNothingInTheEngine() {
    ResponseEntity<String> answer = calls.post("decider", "/engine-rest/task/" + review.getId() + "/complete", """
        {"variables": {"notifyImy": {"value": false}, "informDataSubjects": {"value": false},
                       "decisionJustification": {"value": "%s"}}}""".formatted(JUSTIFICATION));

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    Decision decision = incidents.find(instance.getBusinessKey()).orElseThrow().decision();
    assertThat(decision.notifyImy()).isFalse();
    assertThat(decision.informDataSubjects()).isFalse();
    assertThat(decision.justification()).isEqualTo(JUSTIFICATION);
    assertThat(decision.decidedBy()).isEqualTo("decider");
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKey("decisionJustification")
        .containsEntry("notifyImy", false).containsEntry("informDataSubjects", false);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("decisionJustification").count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(BpmnIds.NOTIFY_IMY)
        .count()).as("no notification task after the decision not to notify").isZero();
  }

  @Test
  void completeAndSubmitFormGiveTheSameDecision() {
    String body = driver.submissionJson(review, Map.of("notifyImy", false, "informDataSubjects", false,
        "decisionJustification", JUSTIFICATION));
    assertThat(calls.post("decider", "/engine-rest/task/" + review.getId() + "/submit-form", body).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Decision bySubmitForm = incidents.find(instance.getBusinessKey()).orElseThrow().decision();

    ProcessInstance other = driver.report();
    driver.assess(other, "KNOWN_RECIPIENTS");
    driver.advise(other, true, true, null);
    Task otherReview = driver.task(other, BpmnIds.DECISION);
    driver.as("decider", () -> tasks.claim(otherReview.getId(), "decider"));
    assertThat(calls.post("decider", "/engine-rest/task/" + otherReview.getId() + "/complete", body).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Decision byComplete = incidents.find(other.getBusinessKey()).orElseThrow().decision();

    assertThat(byComplete).usingRecursiveComparison().ignoringFields("decidedAt").isEqualTo(bySubmitForm);
  }

  @Test
  void aPartialAnswerIsCheckedAsTheWholeFormAndRefused() {
    ResponseEntity<String> answer = calls.post("decider", "/engine-rest/task/" + review.getId() + "/complete",
        "{\"variables\": {\"notifyImy\": {\"value\": false}}}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("Beslutet avviker från dataskyddsombudets bedömning");
    assertThat(incidents.find(instance.getBusinessKey()).orElseThrow().decision()).isNull();
    assertThat(driver.task(instance, BpmnIds.DECISION).getId()).isEqualTo(review.getId());
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("notifyImy", "decisionJustification");
  }
}
