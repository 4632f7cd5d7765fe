package se.breachflow.workflow;

import java.util.function.Supplier;

import se.breachflow.incident.ReportValidator;
import se.breachflow.incident.task.TaskForm;

/**
 * What {@link VariableBoundary} checked, handed to the step that saves it within the same engine command on the
 * same thread: the report to the registration delegate, a task's completion to the task's complete listener.
 * What a person sent never becomes a process variable; it reaches the record only through here.
 */
final class Submissions {

  /** A report checked at the start of the process, and who reported it. */
  record Report(ReportValidator.ValidReport report, String reporterId) {}

  private record Completion(String taskId, TaskForm.Completion completion) {}

  private static final ThreadLocal<Report> REPORT = new ThreadLocal<>();
  private static final ThreadLocal<Completion> COMPLETION = new ThreadLocal<>();

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

  /** The checked completion of the task, or null when the task was not completed through the boundary. */
  static TaskForm.Completion completion(String taskId) {
    Completion pending = COMPLETION.get();
    return pending != null && pending.taskId().equals(taskId) ? pending.completion() : null;
  }
}
