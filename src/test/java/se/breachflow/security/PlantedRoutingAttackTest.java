package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.breachflow.support.Calls;
import se.breachflow.access.Groups;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.workflow.InvalidSubmissionException;

/**
 * Issue 16, point 4: {@code imyReportType=PRELIMINARY} and {@code supplementDue} sent at the start or with the
 * assessment planted a <i>Komplettera anmälan</i> task on a case decided "do not notify". Routing variables are
 * the process's: refused wherever a person sends them, and a case decided "do not notify" never gets the task.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class PlantedRoutingAttackTest {

  private static final Map<String, Object> PLANTED = Map.of("imyReportType", "PRELIMINARY",
      "supplementDue", "2026-12-24T12:00+01:00");

  @Autowired TestRestTemplate http;
  @Autowired IncidentDriver driver;
  @Autowired FormService forms;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;

  @Test
  void routingSentAtTheStartIsRefusedAndStartsNothing() {
    long before = history.createHistoricProcessInstanceQuery().count();
    Map<String, Object> report = new HashMap<>(Reports.misdirectedEmail());
    report.putAll(PLANTED);
    identity.setAuthentication("reporter", List.of(Groups.STAFF));
    try {
      forms.submitStartForm(driver.definitionId(), report);
      throw new AssertionError("the start was accepted");
    } catch (InvalidSubmissionException refused) {
      assertThat(refused.input().errors()).extracting(e -> e.field())
          .containsExactlyInAnyOrder("imyReportType", "supplementDue");
    } finally {
      identity.clearAuthentication();
    }
    ResponseEntity<String> api = new Calls(http).post("reporter", "/api/incidents",
        Reports.contractJson("ks").replaceFirst("\\{", "{ \"imyReportType\": \"PRELIMINARY\","));
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.getBody()).contains("imyReportType");
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void routingSentWithTheAssessmentIsRefusedAndADoNotNotifyCaseGetsNoSupplement() {
    ProcessInstance instance = driver.report();
    Task assessment = driver.task(instance, BpmnIds.ASSESS);
    driver.as("coordinator", () -> tasks.claim(assessment.getId(), "coordinator"));
    Map<String, Object> planted = new HashMap<>(PLANTED);
    planted.putAll(Map.of("identifiability", "MAXIMUM", "confidentialityLoss", "KNOWN_RECIPIENTS",
        "integrityLoss", "NONE", "availabilityLoss", "NONE"));

    ResponseEntity<String> answer = new Calls(http).post("coordinator", "/engine-rest/task/" + assessment.getId()
        + "/submit-form", driver.submissionJson(assessment, planted));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("imyReportType").contains("supplementDue");
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("imyReportType", "supplementDue");

    driver.assess(instance, "KNOWN_RECIPIENTS");
    driver.decide(instance, false, false, "Mottagaren har raderat meddelandet och är en kollega.");
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list())
        .extracting(Task::getTaskDefinitionKey).doesNotContain(BpmnIds.SUPPLEMENT_IMY, BpmnIds.NOTIFY_IMY)
        .contains(BpmnIds.FOLLOW_UP);
  }
}
