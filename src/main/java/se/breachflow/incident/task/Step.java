package se.breachflow.incident.task;

/** The steps of an incident that a person works in a form; the process model names them (workflow/BpmnIds). */
public enum Step {
  ASSESSMENT,
  DPO_REVIEW,
  IMY_NOTIFICATION,
  IMY_SUPPLEMENT,
  DATA_SUBJECTS,
  FOLLOW_UP
}
