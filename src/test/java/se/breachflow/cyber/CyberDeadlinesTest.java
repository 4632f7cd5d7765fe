package se.breachflow.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;

import org.junit.jupiter.api.Test;

import se.breachflow.deadline.CyberDeadlines;
import se.breachflow.deadline.CyberSettings;

/**
 * The cyber track's deadlines (cybersäkerhetslagen 2 kap. 5, 6, 8 §§): hours are real elapsed hours, so across the
 * change to or from summer time the clock time moves; the month is a calendar month in Stockholm time, the same
 * clock time on the same date, or on the month's last day (lag 1930:173 1 §).
 */
class CyberDeadlinesTest {

  private final CyberDeadlines deadlines = new CyberDeadlines(new CyberSettings(Duration.ofHours(24),
      Duration.ofHours(72), Period.ofMonths(1), Duration.ofHours(6), Duration.ofHours(24), Duration.ofDays(7)));

  @Test
  void hoursAreElapsedHoursAcrossTheChangeToSummerTime() {
    // 29 March 2026, 02:00 CET becomes 03:00 CEST.
    OffsetDateTime aware = OffsetDateTime.parse("2026-03-28T12:00:00+01:00");
    assertThat(deadlines.earlyWarning(aware.toInstant()))
        .isEqualTo(OffsetDateTime.parse("2026-03-29T13:00:00+02:00").toInstant());
    assertThat(deadlines.notification(aware.toInstant()))
        .isEqualTo(OffsetDateTime.parse("2026-03-31T13:00:00+02:00").toInstant());
  }

  @Test
  void hoursAreElapsedHoursAcrossTheChangeToWinterTime() {
    // 25 October 2026, 03:00 CEST becomes 02:00 CET.
    OffsetDateTime aware = OffsetDateTime.parse("2026-10-24T12:00:00+02:00");
    assertThat(deadlines.earlyWarning(aware.toInstant()))
        .isEqualTo(OffsetDateTime.parse("2026-10-25T11:00:00+01:00").toInstant());
  }

  @Test
  void theMonthIsACalendarMonthInStockholm() {
    assertThat(deadlines.finalReport(OffsetDateTime.parse("2026-01-31T10:00:00+01:00").toInstant()))
        .as("no 31 February: the month's last day").isEqualTo(OffsetDateTime.parse("2026-02-28T10:00:00+01:00").toInstant());
    assertThat(deadlines.finalReport(OffsetDateTime.parse("2028-01-31T10:00:00+01:00").toInstant()))
        .as("a leap year").isEqualTo(OffsetDateTime.parse("2028-02-29T10:00:00+01:00").toInstant());
    assertThat(deadlines.finalReport(OffsetDateTime.parse("2026-03-15T10:00:00+01:00").toInstant()))
        .as("the same clock time across the change to summer time")
        .isEqualTo(OffsetDateTime.parse("2026-04-15T10:00:00+02:00").toInstant());
  }
}
