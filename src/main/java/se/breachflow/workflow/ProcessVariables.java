package se.breachflow.workflow;

import static se.breachflow.workflow.ProcessVariable.bool;
import static se.breachflow.workflow.ProcessVariable.enumeration;
import static se.breachflow.workflow.ProcessVariable.instant;
import static se.breachflow.workflow.ProcessVariable.string;

import java.time.Instant;

import se.breachflow.assessment.RiskLevel;
import se.breachflow.assessment.Severity;
import se.breachflow.incident.FollowUpStep;
import se.breachflow.incident.ImyReportType;

/**
 * Every variable of the process {@code personal-data-breach}, declared once: what the model's expressions,
 * gateways and timers read. The application sets them; nothing a person sends becomes one (VariableBoundary).
 * They carry no personal data: the number, the controller, the deadline and the routing flags.
 */
final class ProcessVariables {

  // Identity (set at registration; the reporter by camunda:initiator from the login)
  static final ProcessVariable<String> INCIDENT_NUMBER = string("incidentNumber");
  static final ProcessVariable<String> CONTROLLER_ID = string("controllerId");
  /** The controller's name as configured when the incident was registered: shown in Tasklist's task list. */
  static final ProcessVariable<String> CONTROLLER_NAME = string("controllerName");
  static final ProcessVariable<String> REPORTER_ID = string("reporterId");
  static final ProcessVariable<Instant> AUTHORITY_DEADLINE = instant("authorityDeadline");

  // The rules' recommendation (Cockpit shows it)
  static final ProcessVariable<RiskLevel> RISK_LEVEL = enumeration("riskLevel", RiskLevel.class);
  static final ProcessVariable<Severity> SEVERITY = enumeration("severity", Severity.class);
  static final ProcessVariable<Boolean> RECOMMEND_NOTIFY_AUTHORITY = bool("recommendNotifyAuthority");
  static final ProcessVariable<Boolean> RECOMMEND_NOTIFY_DATA_SUBJECTS = bool("recommendNotifyDataSubjects");

  // The decision and the notification, for the gateways and the supplement's timer
  static final ProcessVariable<Boolean> NOT_A_BREACH = bool("notABreach");
  static final ProcessVariable<Boolean> NOTIFY_IMY = bool("notifyImy");
  static final ProcessVariable<Boolean> INFORM_DATA_SUBJECTS = bool("informDataSubjects");
  static final ProcessVariable<Boolean> INFORM_URGENTLY = bool("informUrgently");
  static final ProcessVariable<ImyReportType> IMY_REPORT_TYPE = enumeration("imyReportType", ImyReportType.class);
  static final ProcessVariable<Instant> SUPPLEMENT_DUE = instant("supplementDue");

  // After the follow-up: a supplement, IMY's order to inform the data subjects (Art. 34(4)), or closing
  static final ProcessVariable<FollowUpStep> NEXT_STEP = enumeration("nextStep", FollowUpStep.class);
  static final ProcessVariable<Instant> IMY_ORDER_DEADLINE = instant("imyOrderDeadline");

  // The cyber track (cybersäkerhetslagen): its conditional event subprocesses start on these
  static final ProcessVariable<Boolean> CYBER_SIGNIFICANT = bool("cyberSignificant");
  static final ProcessVariable<Boolean> CYBER_QUESTION = bool("cyberQuestion");
  static final ProcessVariable<Instant> CYBER_EARLY_WARNING_DEADLINE = instant("cyberEarlyWarningDeadline");
  static final ProcessVariable<Instant> CYBER_NOTIFICATION_DEADLINE = instant("cyberNotificationDeadline");
  static final ProcessVariable<Instant> CYBER_FINAL_REPORT_DEADLINE = instant("cyberFinalReportDeadline");
  static final ProcessVariable<Boolean> CYBER_PROGRESS_REPORTED = bool("cyberProgressReported");
  static final ProcessVariable<Instant> CYBER_INTERMEDIATE_DUE = instant("cyberIntermediateDue");

  private ProcessVariables() {}
}
