package se.breachflow.notification;

import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.breachflow.incident.IncidentEvents;

/**
 * The messages the process's own steps cause (the deadline timers enqueue theirs directly): on the incident's
 * events and on the tasks' (workflow/TaskNotificationListener). Each writes to the outbox in the caller's
 * transaction; nothing is sent here.
 */
@Component
public class Notifications {

  private final Outbox outbox;

  public Notifications(Outbox outbox) {
    this.outbox = outbox;
  }

  /** A report was registered: a receipt to the reporter, the news to the controller's coordinators and DPO. */
  @EventListener
  void incidentRegistered(IncidentEvents.Registered registered) {
    outbox.enqueue(Notice.about(NoticeKind.INCIDENT_RECEIPT, registered.number(), registered.controllerId(),
        Audience.REPORTER));
    outbox.enqueue(Notice.about(NoticeKind.NEW_INCIDENT, registered.number(), registered.controllerId(),
        Audience.COORDINATORS, Audience.DPO));
  }

  /** The incident was closed: the reporter is told. */
  @EventListener
  void incidentClosed(IncidentEvents.Closed closed) {
    outbox.enqueue(Notice.about(NoticeKind.INCIDENT_CLOSED, closed.number(), closed.controllerId(),
        Audience.REPORTER));
  }

  /** A user task was created: its candidate groups are told. */
  public void taskCreated(String incidentNumber, String controllerId, String taskId, String taskName) {
    outbox.enqueue(new Notice(NoticeKind.TASK_CANDIDATE, incidentNumber, controllerId,
        Set.of(Audience.TASK_CANDIDATES), taskId, taskName));
  }

  /** A user task was assigned to someone (not by themselves): the assignee is told. */
  public void taskAssigned(String incidentNumber, String controllerId, String taskId, String taskName) {
    outbox.enqueue(new Notice(NoticeKind.TASK_ASSIGNED, incidentNumber, controllerId,
        Set.of(Audience.TASK_ASSIGNEE), taskId, taskName));
  }
}
