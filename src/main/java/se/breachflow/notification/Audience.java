package se.breachflow.notification;

/** Who receives a message; resolved to e-mail addresses when it is sent, not when it is written. */
public enum Audience {
  /** The person who reported the incident. */
  REPORTER,
  /** The controller's dataskyddssamordnare (group coordinator-&lt;controller&gt;). */
  COORDINATORS,
  /** The controller's dataskyddsombud (group dpo-&lt;controller&gt;). */
  DPO,
  /** The controller's decision makers (group decision-maker-&lt;controller&gt;). */
  DECISION_MAKERS,
  /** The controller's informationssäkerhetssamordnare (the cyber track). */
  SECURITY,
  /** The controller's management (group management-&lt;controller&gt;). */
  MANAGEMENT,
  /** The candidate groups of the message's task. */
  TASK_CANDIDATES,
  /** The assignee of the message's task. */
  TASK_ASSIGNEE
}
