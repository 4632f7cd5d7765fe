package se.breachflow.notification;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The messages the process's own steps cause (the deadline timers enqueue theirs directly). Each call
 * writes to the outbox in the caller's transaction; nothing is sent here.
 */
@Component
public class Notifications {

  private final Outbox outbox;

  public Notifications(Outbox outbox) {
    this.outbox = outbox;
  }

  /** A report was registered: a receipt to the reporter, the news to the controller's coordinators and DPO. */
  public void incidentRegistered(String incidentNumber, String controllerId) {
    outbox.enqueue(Notice.about(NoticeKind.INCIDENT_RECEIPT, incidentNumber, controllerId, Audience.REPORTER));
    outbox.enqueue(Notice.about(NoticeKind.NEW_INCIDENT, incidentNumber, controllerId, Audience.COORDINATORS,
        Audience.DPO));
  }

  /** The incident was closed: the reporter is told. */
  public void incidentClosed(String incidentNumber, String controllerId) {
    outbox.enqueue(Notice.about(NoticeKind.INCIDENT_CLOSED, incidentNumber, controllerId, Audience.REPORTER));
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
