package se.breachflow.deadline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clock's settings ({@code breachflow.deadlines.*}), ISO-8601 durations in real elapsed time.
 *
 * @param reminderBefore the reminder to coordinators and DPO, this long before the IMY deadline
 * @param escalationBefore the escalation to the DPO and management, this long before the IMY deadline
 * @param unassignedReminder a task nobody has picked up reminds its candidate groups again after this, and again
 * @param supplement a preliminary notification is to be supplemented within this
 * @param supplementReminderBefore the reminder this long before the supplement is due
 * @param dataSubjectReminder the data subjects are to be told "without undue delay": a reminder after this
 * @param changeSupplement a supplement the follow-up asks for (facts changed, not a breach after all) is due
 *     within this
 */
@ConfigurationProperties(prefix = "breachflow.deadlines")
public record DeadlineSettings(
    @DefaultValue("PT24H") Duration reminderBefore,
    @DefaultValue("PT6H") Duration escalationBefore,
    @DefaultValue("PT4H") Duration unassignedReminder,
    @DefaultValue("P28D") Duration supplement,
    @DefaultValue("P7D") Duration supplementReminderBefore,
    @DefaultValue("PT48H") Duration dataSubjectReminder,
    @DefaultValue("P14D") Duration changeSupplement) {

  public DeadlineSettings {
    for (Duration duration : new Duration[] {reminderBefore, escalationBefore, unassignedReminder, supplement,
        supplementReminderBefore, dataSubjectReminder, changeSupplement}) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalStateException("breachflow.deadlines: every duration must be positive, got " + duration);
      }
    }
  }
}
