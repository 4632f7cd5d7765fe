package se.breachflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.notification.Audience;
import se.breachflow.notification.Notice;
import se.breachflow.notification.NoticeKind;
import se.breachflow.notification.Outbox;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/** The 72-hour clock with a controlled clock: when each timer fires, whom it reaches, and when it does not. */
@BreachflowTest
class DeadlineTest {

  private static final String REMINDER = "boundaryEvent_deadlineReminder";
  private static final String ESCALATION = "boundaryEvent_deadlineEscalation";
  private static final String MISSED = "boundaryEvent_deadlineMissed";

  @Autowired IncidentDriver driver;
  @Autowired IncidentRepository incidents;
  @Autowired Outbox outbox;
  @Autowired TaskService tasks;
  @Autowired FormService forms;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void shouldRemindEscalateAndMarkLateEachOnceAtItsTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = driver.report(); // discovered 10:30, deadline 2026-11-23 10:30 Stockholm
    String number = number(instance);
    claimAssessment(instance);

    assertThat(driver.timerDue(instance, REMINDER)).isEqualTo(date("2026-11-22T09:30:00Z"));
    assertThat(driver.timerDue(instance, ESCALATION)).isEqualTo(date("2026-11-23T03:30:00Z"));
    assertThat(driver.timerDue(instance, MISSED)).isEqualTo(date("2026-11-23T09:30:00Z"));

    EngineClock.set("2026-11-22T09:29:00Z");
    driver.fireDueTimers(instance); // only the assessment's "not picked up" cycle is due, and it is claimed
    assertThat(deadlineNotices(number)).isEmpty();
    EngineClock.set("2026-11-22T09:31:00Z");
    driver.fireDueTimers(instance);
    driver.fireDueTimers(instance);
    assertThat(deadlineNotices(number)).as("fires once").containsExactly(
        notice(NoticeKind.DEADLINE_REMINDER, number, Audience.COORDINATORS, Audience.DPO,
            Audience.DECISION_MAKERS));

    EngineClock.set("2026-11-23T03:31:00Z");
    driver.fireDueTimers(instance);
    assertThat(deadlineNotices(number)).last()
        .isEqualTo(notice(NoticeKind.DEADLINE_ESCALATION, number, Audience.DPO, Audience.DECISION_MAKERS,
            Audience.MANAGEMENT));
    assertThat(incidents.find(number).orElseThrow().late()).isFalse();

    EngineClock.set("2026-11-23T09:31:00Z");
    driver.fireDueTimers(instance);
    assertThat(deadlineNotices(number)).hasSize(3).last()
        .isEqualTo(notice(NoticeKind.DEADLINE_MISSED, number, Audience.MANAGEMENT, Audience.DPO));
    assertThat(incidents.find(number).orElseThrow().late()).isTrue();
    // The window is still open (no decision yet), but its three timers have all fired.
    assertThat(driver.timerDue(instance, MISSED)).isNull();
  }

  @Test
  void shouldStopTheClockWhenImyIsNotified() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = driver.report();
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, false, "Endast anmälan till IMY; mottagaren okänd men uppgifterna begränsade.");
    driver.notifyImy(instance, "2026-11-20T11:55+01:00", "COMPLETE");

    assertThat(driver.timerDue(instance, REMINDER)).isNull();
    assertThat(driver.timerDue(instance, MISSED)).isNull();
    EngineClock.set("2026-11-30T12:00:00+01:00");
    driver.fireDueTimers(instance);
    assertThat(deadlineNotices(number(instance))).isEmpty();
    assertThat(incidents.find(number(instance)).orElseThrow().late()).isFalse();
  }

  @Test
  void shouldStopTheClockOnADecisionNotToNotify() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = driver.report();
    driver.assess(instance, "KNOWN_RECIPIENTS");
    driver.decide(instance, false, false, "Mottagaren är en annan förvaltning med tystnadsplikt.");

    EngineClock.set("2026-11-30T12:00:00+01:00");
    driver.fireDueTimers(instance);
    assertThat(deadlineNotices(number(instance))).isEmpty();
    assertThat(incidents.find(number(instance)).orElseThrow().late()).isFalse();
  }

  @Test
  void shouldRequireTheReasonsForALateNotification() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = driver.report();
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, false, "Anmälan till IMY, de registrerade informeras inte.");
    EngineClock.set("2026-11-24T10:00:00+01:00");
    driver.fireDueTimers(instance);

    assertThatThrownBy(() -> driver.notifyImy(instance, "2026-11-24T09:00+01:00", "COMPLETE"))
        .hasMessageContaining("Ange skälen till förseningen.");
    driver.complete(instance, BpmnIds.NOTIFY_IMY, "dpo", Map.of(
        "imyCaseNumber", "IMY-2026-9999",
        "imySubmittedAt", "2026-11-24T09:00+01:00",
        "imyReportType", "COMPLETE",
        "imyLateReason", "Incidenten upptäcktes under en helg då dataskyddsombudet var ledigt."));

    Incident incident = incidents.find(number(instance)).orElseThrow();
    assertThat(incident.late()).isTrue();
    assertThat(incident.imy().lateReason()).isEqualTo("Incidenten upptäcktes under en helg då dataskyddsombudet var ledigt.");
  }

  @Test
  void shouldSetASupplementDeadlineWithAReminder() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = driver.report();
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, false, "Preliminär anmälan; de registrerade informeras inte ännu.");
    driver.notifyImy(instance, "2026-11-20T11:45+01:00", "PRELIMINARY");

    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(BpmnIds.SUPPLEMENT_IMY).singleResult().getDueDate())
        .isEqualTo(date("2026-12-18T10:45:00Z"));
    assertThat(driver.timerDue(instance, "boundaryEvent_supplementReminder")).isEqualTo(date("2026-12-11T10:45:00Z"));
    driver.as("dpo", () -> tasks.claim(driver.task(instance, BpmnIds.SUPPLEMENT_IMY).getId(), "dpo"));
    EngineClock.set("2026-12-11T11:00:00Z");
    driver.fireDueTimers(instance);
    assertThat(outbox.noticesFor(number(instance))).extracting(Notice::kind).contains(NoticeKind.SUPPLEMENT_REMINDER);
  }

  @Test
  void shouldRemindToInformTheDataSubjects() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = driver.report();
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, true, null);
    driver.notifyImy(instance, "2026-11-20T11:45+01:00", "COMPLETE");

    assertThat(driver.task(instance, BpmnIds.INFORM_DATA_SUBJECTS).getDueDate()).isEqualTo(date("2026-11-22T11:00:00Z"));
    assertThat(driver.timerDue(instance, "boundaryEvent_dataSubjectReminder")).isEqualTo(date("2026-11-22T11:00:00Z"));
    EngineClock.set("2026-11-22T11:01:00Z");
    driver.fireDueTimers(instance);
    assertThat(outbox.noticesFor(number(instance))).contains(
        notice(NoticeKind.DATA_SUBJECT_REMINDER, number(instance), Audience.COORDINATORS, Audience.DPO));
  }

  @Test
  void shouldRemindTheCandidatesOfATaskNobodyPicksUp() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = driver.report();
    String assess = driver.task(instance, BpmnIds.ASSESS).getId();

    assertThat(driver.timerDue(instance, BpmnIds.ASSESS)).isEqualTo(date("2026-11-20T15:00:00Z"));
    EngineClock.set("2026-11-20T15:01:00Z");
    driver.fireDueTimers(instance);
    assertThat(notPickedUp(number(instance))).containsExactly(new Notice(NoticeKind.TASK_NOT_PICKED_UP,
        number(instance), "ks", Set.of(Audience.TASK_CANDIDATES), assess, "Bedöm incidenten"));
    // and again four hours later, until someone picks it up
    assertThat(driver.timerDue(instance, BpmnIds.ASSESS)).isEqualTo(date("2026-11-20T19:00:00Z"));
    driver.as("coordinator", () -> tasks.claim(assess, "coordinator"));
    EngineClock.set("2026-11-20T19:01:00Z");
    driver.fireDueTimers(instance);
    assertThat(notPickedUp(number(instance))).hasSize(1);
  }

  @Test
  void shouldFireAReminderAtOnceWhenItsTimeHadPassedWhenReported() {
    EngineClock.set("2026-11-22T12:00:00+01:00");
    // Discovered two days ago: the reminder's time (24 hours before the deadline) has passed.
    ProcessInstance instance = driver.report(discoveredAt("2026-11-20T10:30+01:00", "2026-11-20T09:00+01:00"));
    claimAssessment(instance);

    driver.fireDueTimers(instance);
    assertThat(deadlineNotices(number(instance))).extracting(Notice::kind).containsExactly(NoticeKind.DEADLINE_REMINDER);
  }

  @Test
  void shouldRunTheDeadlineAcrossTheAutumnDstChange() {
    // Saturday 25 Oct 2025 10:00 in Stockholm; the clocks go back on Sunday: due Tuesday 09:00.
    EngineClock.set("2025-10-25T11:00:00+02:00");
    ProcessInstance instance = driver.report(discoveredAt("2025-10-25T10:00+02:00", "2025-10-25T09:00+02:00"));
    Incident incident = incidents.find(number(instance)).orElseThrow();

    assertThat(incident.authorityDeadline()).isEqualTo(Instant.parse("2025-10-28T08:00:00Z")); // 09:00 CET
    assertThat(driver.timerDue(instance, REMINDER)).isEqualTo(date("2025-10-27T08:00:00Z")); // Mon 09:00 CET
    assertThat(driver.timerDue(instance, ESCALATION)).isEqualTo(date("2025-10-28T02:00:00Z")); // Tue 03:00 CET
    assertThat(forms.getTaskFormVariables(driver.task(instance, BpmnIds.ASSESS).getId())
        .getValue("deadlineText", String.class))
        .startsWith("2025-10-28 kl. 09:00");
  }

  @Test
  void shouldRunTheDeadlineAcrossTheSpringDstChange() {
    // Saturday 28 Mar 2026 10:00 in Stockholm; the clocks go forward on Sunday: due Tuesday 11:00.
    EngineClock.set("2026-03-28T11:00:00+01:00");
    ProcessInstance instance = driver.report(discoveredAt("2026-03-28T10:00+01:00", "2026-03-28T09:00+01:00"));
    Incident incident = incidents.find(number(instance)).orElseThrow();

    assertThat(incident.authorityDeadline()).isEqualTo(Instant.parse("2026-03-31T09:00:00Z")); // 11:00 CEST
    assertThat(driver.timerDue(instance, REMINDER)).isEqualTo(date("2026-03-30T09:00:00Z"));
    assertThat(driver.timerDue(instance, ESCALATION)).isEqualTo(date("2026-03-31T03:00:00Z")); // 05:00 CEST
    claimAssessment(instance);
    EngineClock.set("2026-03-30T08:59:00Z");
    driver.fireDueTimers(instance);
    assertThat(deadlineNotices(number(instance))).isEmpty();
    EngineClock.set("2026-03-30T09:00:00Z");
    driver.fireDueTimers(instance);
    assertThat(deadlineNotices(number(instance))).extracting(Notice::kind)
        .containsExactly(NoticeKind.DEADLINE_REMINDER);
  }

  @Test
  void shouldCountAProcessorsBreachFromWhenTheProcessorToldUs() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    Map<String, Object> report = Reports.misdirectedEmail();
    report.put("processorInvolved", true);
    report.put("processor", "Skolplattformen AB");
    report.put("processorNotifiedAt", "2026-11-20T11:30+01:00");
    ProcessInstance instance = driver.report(report);

    assertThat(incidents.find(number(instance)).orElseThrow().authorityDeadline())
        .isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
  }

  private void claimAssessment(ProcessInstance instance) {
    String assess = driver.task(instance, BpmnIds.ASSESS).getId();
    driver.as("coordinator", () -> tasks.claim(assess, "coordinator"));
  }

  private static Map<String, Object> discoveredAt(String discoveredAt, String occurredAt) {
    Map<String, Object> report = Reports.misdirectedEmail();
    report.put("discoveredAt", discoveredAt);
    report.put("occurredAt", occurredAt);
    return report;
  }

  private List<Notice> deadlineNotices(String number) {
    return outbox.noticesFor(number).stream().filter(notice -> notice.kind().name().startsWith("DEADLINE")).toList();
  }

  private List<Notice> notPickedUp(String number) {
    return outbox.noticesFor(number).stream().filter(notice -> notice.kind() == NoticeKind.TASK_NOT_PICKED_UP)
        .toList();
  }

  private String number(ProcessInstance instance) {
    return incidents.findByProcessInstance(instance.getId()).orElseThrow().number();
  }

  private static Notice notice(NoticeKind kind, String number, Audience... audience) {
    return Notice.about(kind, number, "ks", audience);
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
