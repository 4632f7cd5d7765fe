package se.breachflow.deadline;

import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

import se.breachflow.shared.Times;

/**
 * The deadlines of the reports to the CSIRT under cybersäkerhetslagen (2025:1506) 2 kap., and their reminders'
 * timer dates (the process model names this bean {@code cyberDeadlines}). The first two count real elapsed hours
 * from awareness, so across a change to or from summer time the clock time moves by an hour; the final report's is
 * a calendar month in Stockholm time from the incident notification (8 §), the same clock time, on the month's last
 * day when the date does not exist (31 January → 28 or 29 February).
 */
@Component("cyberDeadlines")
public class CyberDeadlines {

  private final CyberSettings settings;

  public CyberDeadlines(CyberSettings settings) {
    this.settings = settings;
  }

  /** 2 kap. 5 §: within 24 hours of awareness. */
  public Instant earlyWarning(Instant awareAt) {
    return awareAt.plus(settings.earlyWarning());
  }

  /** 2 kap. 6 §: within 72 hours of awareness. */
  public Instant notification(Instant awareAt) {
    return awareAt.plus(settings.notification());
  }

  /**
   * 2 kap. 8 §: one month after the incident notification, or after a progress report, one month after the
   * incident was handled.
   */
  public Instant finalReport(Instant from) {
    return from.atZone(Times.STOCKHOLM).plus(settings.finalReport()).toInstant();
  }

  public Date earlyWarningReminderAt(Date deadline) {
    return Date.from(deadline.toInstant().minus(settings.earlyWarningReminderBefore()));
  }

  public Date notificationReminderAt(Date deadline) {
    return Date.from(deadline.toInstant().minus(settings.notificationReminderBefore()));
  }

  public Date finalReportReminderAt(Date deadline) {
    return Date.from(deadline.toInstant().minus(settings.finalReportReminderBefore()));
  }

  /** Now, when a deadline is not yet known (a final report after a progress report, before the end is known). */
  public Date now() {
    return Date.from(Times.now());
  }
}
