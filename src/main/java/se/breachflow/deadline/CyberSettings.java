package se.breachflow.deadline;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cyber track's clock ({@code breachflow.cyber.deadlines.*}). The law's deadlines (cybersäkerhetslagen
 * 2025:1506 2 kap. 5, 6 and 8 §§) are the defaults; they are settings only so that a change of the law or of the
 * authority's rules needs no release. Hours are real elapsed time; the month is a calendar month in Stockholm
 * (lag 1930:173 1 §: the same date, or the month's last day).
 *
 * @param earlyWarning the first report, after awareness (5 §: "senast 24 timmar")
 * @param notification the incident notification, after awareness (6 §: "senast 72 timmar")
 * @param finalReport the final report (or progress report), after the incident notification (8 §: "en månad")
 * @param earlyWarningReminderBefore the reminder this long before the first report is due
 * @param notificationReminderBefore the reminder this long before the notification is due
 * @param finalReportReminderBefore the reminder this long before the final report is due
 */
@ConfigurationProperties(prefix = "breachflow.cyber.deadlines")
public record CyberSettings(
    @DefaultValue("PT24H") Duration earlyWarning,
    @DefaultValue("PT72H") Duration notification,
    @DefaultValue("P1M") Period finalReport,
    @DefaultValue("PT6H") Duration earlyWarningReminderBefore,
    @DefaultValue("PT24H") Duration notificationReminderBefore,
    @DefaultValue("P7D") Duration finalReportReminderBefore) {

  public CyberSettings {
    for (Duration duration : new Duration[] {earlyWarning, notification, earlyWarningReminderBefore,
        notificationReminderBefore, finalReportReminderBefore}) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalStateException("breachflow.cyber.deadlines: every duration must be positive, got " + duration);
      }
    }
    if (finalReport.isNegative() || finalReport.isZero()) {
      throw new IllegalStateException("breachflow.cyber.deadlines.final-report must be positive, got " + finalReport);
    }
  }
}
