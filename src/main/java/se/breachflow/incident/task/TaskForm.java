package se.breachflow.incident.task;

import java.util.List;
import java.util.Map;

import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;

/**
 * The form of one user task, bound to the incident record: it gives the form's values from the record when the
 * form is shown, checks what a person submits against the task's rules, and saves it when the task completes.
 * One implementation per user task. The fields are the only values a person may send for the task
 * (workflow/VariableBoundary refuses anything else, whichever endpoint is used).
 */
public interface TaskForm {

  /** The step this form is the form of. */
  Step step();

  /** The incident's status while this task is open; null when the task leaves the status as it is. */
  IncidentStatus status();

  /** The form's input fields (their keys are the variable names), in the form's order. */
  List<Field<?>> fields();

  /**
   * The form's values from the record (Java values; null for empty fields), by field key: every field, and
   * what the form only shows (e.g. the rules' recommendation).
   */
  Map<String, Object> load(Incident incident);

  /**
   * Checks the submitted fields against the task's rules and returns what completing the task will save.
   *
   * @throws se.breachflow.shared.InvalidInputException naming every bad field, in Swedish
   */
  Completion check(Incident incident, FormReader submitted);

  /**
   * Why this person may not work the task of this incident, or null when nothing in the case stands against it
   * (the candidate groups say who may in general). The process asks when the task is claimed, assigned and
   * completed, whoever asks.
   */
  default String refusal(Incident incident, String userId) {
    return null;
  }

  /** What completing the task saves to the record, and what it tells the process. */
  @FunctionalInterface
  interface Completion {

    /** @param userId who completes the task */
    Routing save(String userId);
  }
}
