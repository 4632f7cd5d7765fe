package se.breachflow.incident;

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

  /** The incident's tasks that wait for someone. */
  List<IncidentView.OpenTask> openTasks(String number);
}
