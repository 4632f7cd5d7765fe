package se.breachflow.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the incident capability asks of the process that carries an incident (the workflow glue implements it):
 * to start one for a report, and which of its tasks are open.
 */
public interface Process {

  /**
   * Starts the process for a report as submitted, checked as every start is (a bad or foreign field is refused
   * with the fields named); the reporter is the logged-in user.
   *
   * @return the number of the registered incident
   */
  String report(Map<String, Object> submitted);

  /**
   * Starts the process for a report the application has already checked (a supplier incident's case of one
   * controller): the same registration, deadline and tasks as a report.
   *
   * @param reporterId the logged-in user who registered it
   * @return the number of the registered incident
   */
  String start(ReportValidator.ValidReport report, String reporterId);

  /**
   * Asks the incident's process for a supplement to the notification, because the shared facts of its supplier
   * incident were corrected: a task for the DPO or a coordinator, beside the rest of the case.
   *
   * @return false when the process cannot give one: the case is closed, or was started on a version of the
   *     process without that task
   */
  boolean requestSupplement(String number);

  /**
   * Starts the incident's cyber track, decided significant after the assessment, with its deadlines.
   *
   * @return false when the process cannot: it has ended, or was started on a version without the cyber track
   */
  boolean startCyberTrack(String number, Instant earlyWarningDeadline, Instant notificationDeadline);

  /**
   * Asks the incident's cyber track for a delrapport the authority requested (cybersäkerhetslagen 2 kap. 7 §), due
   * then: a task for the informationssäkerhetssamordnare, the DPO and the coordinators.
   *
   * @return false when the process cannot give one: the case's process has ended, or was started on a version
   *     without the cyber track
   */
  boolean requestCyberIntermediateReport(String number, Instant due);

  /** The incident's tasks that wait for someone. */
  List<IncidentView.OpenTask> openTasks(String number);
}
