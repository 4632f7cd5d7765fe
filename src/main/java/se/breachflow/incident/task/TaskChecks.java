package se.breachflow.incident.task;

import java.time.Duration;
import java.time.Instant;

import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;
import se.breachflow.shared.Times;

/** Checks of times that several task forms share. */
final class TaskChecks {

  private TaskChecks() {}

  static void notInFuture(FormReader in, Field<Instant> field, Instant value, String reason) {
    if (value != null && value.isAfter(Times.now().plus(Times.CLOCK_TOLERANCE))) {
      in.error(field, reason);
    }
  }

  static void notBefore(FormReader in, Field<Instant> field, Instant value, Instant earliest, String reason) {
    if (value != null && earliest != null && value.isBefore(earliest.minus(Duration.ofMinutes(1)))) {
      in.error(field, reason);
    }
  }
}
