package se.breachflow.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;

/** Time as the application sees it (one clock, shared with the engine's timers) and as people see it. */
public final class Times {

  public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  /** People's computers run a little ahead: a time this far "in the future" is no error. */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  /**
   * The first and last day a date or time sent to the application may name. ISO-8601 allows years of nine
   * digits; neither {@code java.util.Date}, the engine nor the database hold those, and no incident is older.
   */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private static final DateTimeFormatter DISPLAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd 'kl.' HH:mm", new Locale("sv", "SE")).withZone(STOCKHOLM);

  /** The application's one clock; the workflow glue makes it the engine's (workflow/EngineTime). */
  private static volatile Supplier<Instant> clock = Instant::now;

  private Times() {}

  /** Whether the date lies within {@link #EARLIEST} and {@link #LATEST}. */
  public static boolean isWithinRange(LocalDate date) {
    return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
  }

  /** Whether the instant lies within {@link #EARLIEST} and {@link #LATEST} (in UTC). */
  public static boolean isWithinRange(Instant instant) {
    return !instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
        && instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Now, by the application's clock: the engine's, shared with its timers, which tests may move. */
  public static Instant now() {
    return clock.get();
  }

  /** Makes {@code source} the application's clock. */
  public static void useClock(Supplier<Instant> source) {
    clock = source;
  }

  /** For example {@code 2026-11-23 kl. 10:30}; an empty string for null. */
  public static String display(Instant instant) {
    return instant == null ? "" : DISPLAY.format(instant);
  }

  /** For example {@code 2026-11-23 kl. 10:30 (om 41 timmar)} or {@code ... (passerad för 3 timmar sedan)}. */
  public static String displayDeadline(Instant deadline, Instant now) {
    if (deadline == null) {
      return "";
    }
    Duration left = Duration.between(now, deadline);
    String relative = left.isNegative()
        ? "passerad för " + hours(left.negated()) + " sedan"
        : "om " + hours(left);
    return display(deadline) + " (" + relative + ")";
  }

  private static String hours(Duration duration) {
    long hours = duration.toHours();
    if (hours >= 1) {
      return hours + (hours == 1 ? " timme" : " timmar");
    }
    long minutes = Math.max(duration.toMinutes(), 0);
    return minutes + (minutes == 1 ? " minut" : " minuter");
  }
}
