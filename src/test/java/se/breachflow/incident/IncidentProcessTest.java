package se.breachflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.breachflow.access.Groups;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.incident.Fields;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.workflow.InvalidSubmissionException;

/** Every path of {@code personal-data-breach} on the real engine and database, driven as Tasklist would. */
@BreachflowTest
class IncidentProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentDriver driver;

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClockAndUser() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void shouldCloseWithoutNotificationWhenTheDpoDecidesSoWithAJustification() {
    ProcessInstance instance = report();
    assess(instance, "KNOWN_RECIPIENTS");
    decide(instance, false, false, "Mottagaren är en annan skola i kommunen med tystnadsplikt.");
    followUp(instance);

    Incident incident = closed(instance, IncidentStatus.CLOSED);
    assertThat(incident.decision().notifyImy()).isFalse();
    assertThat(incident.decision().decidedBy()).isEqualTo("decider");
    assertThat(incident.imy()).isNull();
    assertThat(passed(instance)).doesNotContain(BpmnIds.NOTIFY_IMY, BpmnIds.INFORM_DATA_SUBJECTS,
        BpmnIds.SUPPLEMENT_IMY);
  }

  @Test
  void shouldNotifyImyOnlyWhenDecided() {
    ProcessInstance instance = report();
    assess(instance, "KNOWN_RECIPIENTS");
    decide(instance, true, false, "Barnen får ingen information: mottagaren har raderat.");
    notifyImy(instance, "COMPLETE");
    followUp(instance);

    Incident incident = closed(instance, IncidentStatus.CLOSED);
    assertThat(incident.imy().caseNumber()).isEqualTo("IMY-2026-1234");
    assertThat(incident.imy().reportType()).isEqualTo(ImyReportType.COMPLETE);
    assertThat(incident.imy().recordedBy()).isEqualTo("dpo");
    assertThat(passed(instance)).contains(BpmnIds.NOTIFY_IMY).doesNotContain(BpmnIds.INFORM_DATA_SUBJECTS);
  }

  @Test
  void shouldNotifyImyAndInformTheDataSubjects() {
    ProcessInstance instance = report();
    assess(instance, "UNKNOWN_RECIPIENTS");
    decide(instance, true, true, null);
    notifyImy(instance, "COMPLETE");
    EngineClock.set("2026-11-21T10:00:00+01:00");
    complete(instance, BpmnIds.INFORM_DATA_SUBJECTS, "coordinator", Map.of(
        "dataSubjectCommunication", "INFORMED",
        "dataSubjectsInformedAt", "2026-11-21T09:00+01:00",
        "dataSubjectsInformedHow", "Brev till vårdnadshavarna"));
    followUp(instance);

    Incident incident = closed(instance, IncidentStatus.CLOSED);
    assertThat(incident.dataSubjects().communication()).isEqualTo(DataSubjectCommunication.INFORMED);
    assertThat(incident.dataSubjects().informedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    assertThat(incident.dataSubjects().how()).isEqualTo("Brev till vårdnadshavarna");
  }

  @Test
  void shouldAskForASupplementAfterAPreliminaryNotification() {
    ProcessInstance instance = report();
    assess(instance, "UNKNOWN_RECIPIENTS");
    decide(instance, true, true, null);
    notifyImy(instance, "PRELIMINARY");
    assertThat(openTasks(instance)).containsExactlyInAnyOrder(BpmnIds.SUPPLEMENT_IMY, BpmnIds.INFORM_DATA_SUBJECTS);

    complete(instance, BpmnIds.INFORM_DATA_SUBJECTS, "dpo", Map.of(
        "dataSubjectCommunication", "NOT_INFORMED_UNINTELLIGIBLE",
        "dataSubjectsNotInformedReason", "Bilagan var krypterad och lösenordet skickades inte."));
    assertThat(openTasks(instance)).containsExactly(BpmnIds.SUPPLEMENT_IMY);
    EngineClock.set("2026-11-25T12:00:00+01:00");
    complete(instance, BpmnIds.SUPPLEMENT_IMY, "dpo", Map.of(
        "imySupplementSubmittedAt", "2026-11-25T10:00+01:00",
        "supplementText", "Antalet berörda är fastställt till tre."));
    followUp(instance);

    Incident incident = closed(instance, IncidentStatus.CLOSED);
    assertThat(incident.imy().reportType()).isEqualTo(ImyReportType.PRELIMINARY);
    assertThat(incident.imy().supplementSubmittedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    assertThat(incident.imy().supplementText()).isEqualTo("Antalet berörda är fastställt till tre.");
  }

  @Test
  void shouldDocumentAndCloseWhatWasNotABreach() {
    ProcessInstance instance = report();
    assess(instance, "KNOWN_RECIPIENTS");
    // The form hides and so does not submit the other choices once "not a breach" is ticked.
    complete(instance, BpmnIds.DPO_ADVICE, "dpo", Map.of(
        "dpoAdviceNotABreach", true,
        "dpoAdviceReasons", "Mottagaren var vårdnadshavare till alla tre eleverna."));
    complete(instance, BpmnIds.DECISION, "decider", Map.of(
        "notABreach", true,
        "decisionJustification", "Mottagaren var vårdnadshavare till alla tre eleverna."));

    Incident incident = closed(instance, IncidentStatus.CLOSED_NOT_A_BREACH);
    assertThat(incident.decision().notABreach()).isTrue();
    assertThat(incident.decision().notifyImy()).isFalse();
    assertThat(incident.decision().justification()).isEqualTo("Mottagaren var vårdnadshavare till alla tre eleverna.");
    assertThat(passed(instance)).doesNotContain(BpmnIds.FOLLOW_UP);
  }

  @Test
  void shouldRegisterTheReportWithNumberDeadlineAndBusinessKey() {
    ProcessInstance instance = report();
    Incident incident = incidents.findByProcessInstance(instance.getId()).orElseThrow();

    assertThat(incident.number()).matches("PUI-2026-\\d{4}");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey()).isEqualTo(incident.number());
    assertThat(incident.reporterId()).isEqualTo("reporter");
    assertThat(incident.authorityDeadline()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
    assertThat(incident.report().description()).isEqualTo("E-post med tre elevers namn skickades till fel vårdnadshavare.");
    assertThat(incident.preliminaryAssessment()).isNotNull();
    assertThat(incident.status()).isEqualTo(IncidentStatus.ASSESSMENT);
    Task assess = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(assess.getTaskDefinitionKey()).isEqualTo(BpmnIds.ASSESS);
    assertThat(assess.getDueDate().toInstant()).isEqualTo(incident.authorityDeadline());
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskCandidateGroup(Groups.coordinators("ks")).count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskCandidateGroup(Groups.coordinators("sn")).count()).isZero();
  }

  @Test
  void shouldKeepFreeTextsOutOfTheEngine() {
    ProcessInstance instance = report();
    assess(instance, "KNOWN_RECIPIENTS");

    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("description", "measuresTaken");
    for (var text : Fields.FREE_TEXTS) {
      assertThat(history.createHistoricVariableInstanceQuery().variableName(text.name()).count())
          .as(text.name()).isZero();
      assertThat(history.createHistoricDetailQuery().variableUpdates().list())
          .noneMatch(detail -> ((HistoricVariableUpdate) detail).getVariableName().equals(text.name()));
    }
    // The DPO's form shows the description, read from the record when the form is shown; the engine keeps no
    // copy of it, not even on the task.
    Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(tasks.getVariablesLocal(review.getId())).isEmpty();
    assertThat((String) forms.getTaskFormVariables(review.getId()).getValue("incidentSummary", String.class))
        .contains("E-post med tre elevers namn skickades till fel vårdnadshavare.")
        .contains("Granskas av dataskyddsombud").doesNotContain("null");
    assertThat(forms.getTaskFormVariables(review.getId()).getValue("deadlineText", String.class))
        .isEqualTo("2026-11-23 kl. 10:30 (om 70 timmar)");
  }

  @Test
  void shouldRefuseAnInvalidStartFormAndStartNothing() {
    Map<String, Object> report = Reports.misdirectedEmail();
    report.put("dataSubjectCount", 0);
    report.put("description", "  ");
    report.put("discoveredAt", "2026-11-20T08:00+01:00");
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();
    identity.setAuthentication("reporter", List.of(Groups.STAFF));

    assertThatThrownBy(() -> forms.submitStartForm(definitionId(), report))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("Beskriv vad som har hänt.")
        .hasMessageContaining("Antalet berörda personer måste vara minst 1.")
        .hasMessageContaining("Incidenten kan inte ha upptäckts innan den inträffade.");
    identity.clearAuthentication();
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void shouldRequireReasonsWhenTheDposAdviceDepartsFromTheRecommendation() {
    ProcessInstance instance = report();
    assess(instance, "UNKNOWN_RECIPIENTS");
    Task advice = task(instance, BpmnIds.DPO_ADVICE);
    identity.setAuthentication("dpo", List.of(Groups.dpo("ks")));

    assertThatThrownBy(() -> forms.submitTaskForm(advice.getId(), driver.submission(advice, Map.of(
        "dpoAdviceNotABreach", false, "dpoAdviceNotifyImy", false, "dpoAdviceInformDataSubjects", false))))
        .hasMessageContaining("Bedömningen avviker från regelverkets rekommendation. Förklara varför.");
    assertThat(task(instance, BpmnIds.DPO_ADVICE)).isNotNull();
  }

  @Test
  void shouldRefuseALossWhoseBreachTypeIsNotReported() {
    ProcessInstance instance = report();
    Task assess = task(instance, BpmnIds.ASSESS);
    identity.setAuthentication("coordinator", List.of(Groups.coordinators("ks")));

    assertThatThrownBy(() -> forms.submitTaskForm(assess.getId(), driver.submission(assess, Map.of(
        "identifiability", "MAXIMUM", "confidentialityLoss", "KNOWN_RECIPIENTS",
        "integrityLoss", "IRRECOVERABLE", "availabilityLoss", "NONE"))))
        .hasMessageContaining("Välj även \"De har ändrats felaktigt\"");
  }

  @Test
  void shouldNotLetAnotherControllersDpoWorkTheTask() {
    ProcessInstance instance = report();
    assess(instance, "KNOWN_RECIPIENTS");
    Task review = task(instance, BpmnIds.DPO_ADVICE);
    Map<String, Object> decision = driver.submission(review, Map.of("dpoAdviceNotifyImy", true));
    identity.setAuthentication("dpo-of-sn", List.of(Groups.dpo("sn")));

    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThatThrownBy(() -> forms.submitTaskForm(review.getId(), decision))
        .hasMessageContaining("dpo-of-sn");
  }

  // --- the steps, as the people in each role do them ---

  private ProcessInstance report() {
    return driver.report();
  }

  private void assess(ProcessInstance instance, String confidentialityLoss) {
    driver.assess(instance, confidentialityLoss);
  }

  private void decide(ProcessInstance instance, boolean notifyImy, boolean inform, String justification) {
    driver.decide(instance, notifyImy, inform, justification);
  }

  private void notifyImy(ProcessInstance instance, String reportType) {
    driver.notifyImy(instance, "2026-11-20T11:45+01:00", reportType);
  }

  private void followUp(ProcessInstance instance) {
    driver.followUp(instance);
  }

  private void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    driver.complete(instance, taskKey, userId, values);
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return driver.task(instance, taskKey);
  }

  private List<String> openTasks(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private Incident closed(ProcessInstance instance, IncidentStatus status) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    Incident incident = incidents.findByProcessInstance(instance.getId()).orElseThrow();
    assertThat(incident.status()).isEqualTo(status);
    assertThat(incident.followUp().closedAt()).isNotNull();
    return incident;
  }

  private List<String> passed(ProcessInstance instance) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private String definitionId() {
    return driver.definitionId();
  }
}
