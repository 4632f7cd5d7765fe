package se.breachflow.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import se.breachflow.incident.ReportValidator;
import se.breachflow.incident.task.TaskForm;

/**
 * What {@link VariableBoundary} checked, handed to the step that saves it within the same engine command on the
 * same thread: the report to the registration delegate, a task's completion to the task's complete listener, a
 * supplier incident from its start form to {@link RegisterSupplierIncidentDelegate}.
 * What a person sent never becomes a process variable; it reaches the record only through here.
 */
final class Submissions {

  /** A report checked at the start of the process, and who reported it. */
  record Report(ReportValidator.ValidReport report, String reporterId) {}

  private record Completion(String taskId, TaskForm.Completion completion) {}

  /**
   * A supplier incident's start form as the boundary checked it: the values read without the engine's types (a
   * list's objects as JSON text), and the names sent, which the registration checks again in its own
   * transaction.
   */
  record SupplierIncident(Map<String, Object> values, Set<String> names) {

    SupplierIncident {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      names = Set.copyOf(names);
    }
  }

  private static final ThreadLocal<Report> REPORT = new ThreadLocal<>();
  private static final ThreadLocal<Completion> COMPLETION = new ThreadLocal<>();
  private static final ThreadLocal<SupplierIncident> SUPPLIER_INCIDENT = new ThreadLocal<>();

  private Submissions() {}

  /** Runs the start of the process with the checked report at hand. */
  static <T> T withReport(Report report, Supplier<T> start) {
    REPORT.set(report);
    try {
      return start.get();
    } finally {
      REPORT.remove();
    }
  }

  /** Runs the start of the process {@code supplier-incident} with the checked start form at hand. */
  static <T> T withSupplierIncident(SupplierIncident submitted, Supplier<T> start) {
    SUPPLIER_INCIDENT.set(submitted);
    try {
      return start.get();
    } finally {
      SUPPLIER_INCIDENT.remove();
    }
  }

  /** Runs the completion of the task with its checked form at hand. */
  static <T> T withCompletion(String taskId, TaskForm.Completion completion, Supplier<T> complete) {
    COMPLETION.set(new Completion(taskId, completion));
    try {
      return complete.get();
    } finally {
      COMPLETION.remove();
    }
  }

  /** The report being started, or null when the process was not started through the boundary. */
  static Report report() {
    return REPORT.get();
  }

  /** The supplier incident being started, or null when the process was not started through the boundary. */
  static SupplierIncident supplierIncident() {
    return SUPPLIER_INCIDENT.get();
  }

  /** The checked completion of the task, or null when the task was not completed through the boundary. */
  static TaskForm.Completion completion(String taskId) {
    Completion pending = COMPLETION.get();
    return pending != null && pending.taskId().equals(taskId) ? pending.completion() : null;
  }
}
