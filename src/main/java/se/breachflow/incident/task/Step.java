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
  FOLLOW_UP,
  /** Is it a significant incident under cybersäkerhetslagen? Asked when the rules suggest it may be. */
  CYBER_SIGNIFICANCE,
  /** The report to the CSIRT within 24 hours (cybersäkerhetslagen 2 kap. 5 §). */
  CYBER_EARLY_WARNING,
  /** The incident notification within 72 hours (6 §). */
  CYBER_NOTIFICATION,
  /** The delrapport the authority asked for (7 §). */
  CYBER_INTERMEDIATE_REPORT,
  /** The final report, or a progress report, a month after the notification (8 §). */
  CYBER_FINAL_REPORT
}
