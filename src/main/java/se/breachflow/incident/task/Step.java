package se.breachflow.incident.task;

/** The steps of an incident that a person works in a form; the process model names them (workflow/BpmnIds). */
public enum Step {
  ASSESSMENT,
  /** The DPO's advice to the controller. */
  DPO_ADVICE,
  /** The controller's decision, by its decision maker, on the DPO's advice. */
  DECISION,
  /** Version 1 of the process: the DPO reviewed and decided in one step (instances started before version 2). */
  DPO_REVIEW,
  IMY_NOTIFICATION,
  IMY_SUPPLEMENT,
  /** A supplement because a supplier incident's shared facts were corrected after the notification. */
  SUPPLIER_SUPPLEMENT,
  DATA_SUBJECTS,
  FOLLOW_UP
}
