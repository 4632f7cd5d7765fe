package se.breachflow.workflow;

import java.time.Instant;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.breachflow.incident.IncidentRepository;
import se.breachflow.notification.Audience;
import se.breachflow.notification.Notice;
import se.breachflow.notification.NoticeKind;
import se.breachflow.notification.Outbox;
import se.breachflow.shared.Times;

/**
 * What the deadline timers do, called from the BPMN ({@code ${deadlineNotices.reminder(execution)}} and the
 * user tasks' timeout listener {@code ${deadlineNotices}}). Each writes a message to the outbox in the
 * timer job's transaction, so a timer that fires once writes one message.
 */
@Component("deadlineNotices")
public class DeadlineNotices implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineNotices.class);

  private final Outbox outbox;
  private final IncidentRepository incidents;

  public DeadlineNotices(Outbox outbox, IncidentRepository incidents) {
    this.outbox = outbox;
    this.incidents = incidents;
  }

  /** {@code boundaryEvent_deadlineReminder}: the IMY deadline is near. */
  public void reminder(DelegateExecution execution) {
    if (deadlinePassed(execution) || !notificationOwed(execution)) {
      // Reported after the reminder's time and after the deadline itself: the missed event says it all. Or
      // the window is open only for an urgent communication to the data subjects, after the notification.
      return;
    }
    send(execution, NoticeKind.DEADLINE_REMINDER, Audience.COORDINATORS, Audience.DPO, Audience.DECISION_MAKERS);
  }

  /** {@code boundaryEvent_deadlineEscalation}: the IMY deadline is very near. */
  public void escalation(DelegateExecution execution) {
    if (deadlinePassed(execution) || !notificationOwed(execution)) {
      return;
    }
    send(execution, NoticeKind.DEADLINE_ESCALATION, Audience.DPO, Audience.DECISION_MAKERS, Audience.MANAGEMENT);
  }

  /** {@code boundaryEvent_deadlineMissed}: 72 hours have passed without a decision or a notification. */
  public void missed(DelegateExecution execution) {
    if (!notificationOwed(execution)) {
      // Notified (or decided against) in time; the window waits only for the urgent communication.
      return;
    }
    incidents.markLate(execution.getProcessBusinessKey());
    send(execution, NoticeKind.DEADLINE_MISSED, Audience.MANAGEMENT, Audience.DPO);
    LOG.warn("Incident {} passed its IMY deadline without a decision or a notification",
        execution.getProcessBusinessKey());
  }

  /** {@code boundaryEvent_supplementReminder}: a preliminary notification is still to be supplemented. */
  public void supplementReminder(DelegateExecution execution) {
    send(execution, NoticeKind.SUPPLEMENT_REMINDER, Audience.DPO);
  }

  /** {@code boundaryEvent_dataSubjectReminder}: the data subjects are still to be told. */
  public void dataSubjectReminder(DelegateExecution execution) {
    send(execution, NoticeKind.DATA_SUBJECT_REMINDER, Audience.COORDINATORS, Audience.DPO);
  }

  /** {@code boundaryEvent_imyOrderReminder}: IMY's deadline for informing the data subjects is near. */
  public void imyOrderReminder(DelegateExecution execution) {
    send(execution, NoticeKind.IMY_ORDER_REMINDER, Audience.COORDINATORS, Audience.DPO);
  }

  /** {@code boundaryEvent_imyOrderMissed}: IMY's deadline has passed and the data subjects are not yet informed. */
  public void imyOrderMissed(DelegateExecution execution) {
    send(execution, NoticeKind.IMY_ORDER_MISSED, Audience.COORDINATORS, Audience.DPO, Audience.DECISION_MAKERS,
        Audience.MANAGEMENT);
    LOG.warn("Incident {} passed IMY's deadline for informing the data subjects", execution.getProcessBusinessKey());
  }

  /** The cyber track's reports with a timer (as the process model names them), their notices and deadline. */
  private enum CyberReport {
    EARLY_WARNING(NoticeKind.CYBER_EARLY_WARNING_REMINDER, NoticeKind.CYBER_EARLY_WARNING_MISSED,
        ProcessVariables.CYBER_EARLY_WARNING_DEADLINE),
    NOTIFICATION(NoticeKind.CYBER_NOTIFICATION_REMINDER, NoticeKind.CYBER_NOTIFICATION_MISSED,
        ProcessVariables.CYBER_NOTIFICATION_DEADLINE),
    FINAL_REPORT(NoticeKind.CYBER_FINAL_REPORT_REMINDER, NoticeKind.CYBER_FINAL_REPORT_MISSED,
        ProcessVariables.CYBER_FINAL_REPORT_DEADLINE);

    private final NoticeKind reminder;
    private final NoticeKind missed;
    private final ProcessVariable<Instant> deadline;

    CyberReport(NoticeKind reminder, NoticeKind missed, ProcessVariable<Instant> deadline) {
      this.reminder = reminder;
      this.missed = missed;
      this.deadline = deadline;
    }

    /** After a progress report the final report's date is breachflow's check-in, not the law's deadline. */
    boolean afterProgressReport(DelegateExecution execution) {
      return this == FINAL_REPORT && Boolean.TRUE.equals(ProcessVariables.CYBER_PROGRESS_REPORTED.get(execution));
    }
  }

  /**
   * A report of the cyber track is due soon ({@code boundaryEvent_cyber…Reminder}); not once its deadline has
   * passed (the escalation says that), nor at breachflow's check-in after a progress report.
   *
   * @param kind {@code EARLY_WARNING}, {@code NOTIFICATION} or {@code FINAL_REPORT}
   */
  public void cyberReminder(DelegateExecution execution, String kind) {
    CyberReport report = CyberReport.valueOf(kind);
    Instant deadline = report.deadline.get(execution);
    if (deadline != null && !Times.now().isBefore(deadline) || report.afterProgressReport(execution)) {
      return;
    }
    send(execution, report.reminder, Audience.SECURITY, Audience.DPO, Audience.COORDINATORS);
  }

  /** A report of the cyber track is overdue ({@code boundaryEvent_cyber…Escalation}, at the deadline). */
  public void cyberEscalation(DelegateExecution execution, String kind) {
    CyberReport report = CyberReport.valueOf(kind);
    if (report.afterProgressReport(execution)) {
      send(execution, NoticeKind.CYBER_FINAL_REPORT_CHECK_IN, Audience.SECURITY, Audience.DPO, Audience.COORDINATORS);
      return;
    }
    send(execution, report.missed, Audience.SECURITY, Audience.DPO, Audience.DECISION_MAKERS, Audience.MANAGEMENT);
    LOG.warn("Incident {} passed its {} deadline under cybersäkerhetslagen", execution.getProcessBusinessKey(), kind);
  }

  /** Whether the notification to IMY is still owed: not filed, and not decided against. */
  private boolean notificationOwed(DelegateExecution execution) {
    return incidents.find(execution.getProcessBusinessKey())
        .map(incident -> incident.imy() == null && (incident.decision() == null || incident.decision().notifyImy()))
        .orElse(true);
  }

  /** The user tasks' timeout listener: a task nobody has picked up reminds its candidate groups again. */
  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    outbox.enqueue(new Notice(NoticeKind.TASK_NOT_PICKED_UP, task.getExecution().getProcessBusinessKey(),
        ProcessVariables.CONTROLLER_ID.get(task), Set.of(Audience.TASK_CANDIDATES), task.getId(), task.getName()));
  }

  private void send(DelegateExecution execution, NoticeKind kind, Audience... audience) {
    outbox.enqueue(Notice.about(kind, execution.getProcessBusinessKey(),
        ProcessVariables.CONTROLLER_ID.get(execution), audience));
  }

  private static boolean deadlinePassed(DelegateExecution execution) {
    Instant deadline = ProcessVariables.AUTHORITY_DEADLINE.get(execution);
    return deadline != null && !Times.now().isBefore(deadline);
  }
}
