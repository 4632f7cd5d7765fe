package se.breachflow.incident.task;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.process.FormReader;

/**
 * The form of one user task, bound to the incident record: it fills the form's fields from the record when
 * the task is created, and checks and saves them when it is completed. One implementation per user task.
 */
public interface TaskForm {

  /** The user task's BPMN id. */
  String taskDefinitionKey();

  /** The incident's status while this task is open. */
  IncidentStatus status();

  /** The form's field values from the record (Java values; null for empty fields), by field key. */
  Map<String, Object> load(Incident incident);

  /**
   * Checks the submitted fields (Swedish errors, all at once) and saves them to the record; sets on the
   * process only what routing needs.
   *
   * @param userId who completes the task
   */
  void complete(Incident incident, FormReader submitted, DelegateTask task, String userId);
}
