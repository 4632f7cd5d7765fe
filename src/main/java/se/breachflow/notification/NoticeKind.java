package se.breachflow.notification;

/** What a message tells its recipients. Messages carry no personal data: number, controller, deadline, link. */
public enum NoticeKind {
  /** To the reporter: the report was received, with its number. */
  INCIDENT_RECEIPT,
  /** To the controller's coordinators and DPO: a new incident. */
  NEW_INCIDENT,
  /** To a task's candidate groups: a task is waiting. */
  TASK_CANDIDATE,
  /** To a task's assignee: a task was assigned to you. */
  TASK_ASSIGNED,
  /** A task has not been picked up for a while: to its candidate groups again. */
  TASK_NOT_PICKED_UP,
  /** The IMY deadline is near (default 24 h before): to the coordinators, the DPO and the decision makers. */
  DEADLINE_REMINDER,
  /** The IMY deadline is very near (default 6 h before): to the DPO, the decision makers and management. */
  DEADLINE_ESCALATION,
  /** The IMY deadline has passed without a decision or a notification: to management (and the DPO). */
  DEADLINE_MISSED,
  /** A preliminary notification must be supplemented. */
  SUPPLEMENT_REMINDER,
  /** The data subjects are still to be informed (Art. 34: without undue delay). */
  DATA_SUBJECT_REMINDER,
  /** IMY's deadline for informing the data subjects (Art. 34(4)) is near. */
  IMY_ORDER_REMINDER,
  /** IMY's deadline for informing the data subjects has passed and they are not yet informed. */
  IMY_ORDER_MISSED,
  /** A report to the CSIRT under cybersäkerhetslagen is due soon (24-hour report, notification, final report). */
  CYBER_EARLY_WARNING_REMINDER,
  CYBER_NOTIFICATION_REMINDER,
  CYBER_FINAL_REPORT_REMINDER,
  /** A report to the CSIRT under cybersäkerhetslagen is overdue. */
  CYBER_EARLY_WARNING_MISSED,
  CYBER_NOTIFICATION_MISSED,
  CYBER_FINAL_REPORT_MISSED,
  /** After a progress report: breachflow's check-in for the final report (the law's deadline is unknown yet). */
  CYBER_FINAL_REPORT_CHECK_IN,
  /** To the reporter: the incident is closed. */
  INCIDENT_CLOSED
}
