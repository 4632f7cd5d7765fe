package se.breachflow.deadline;

import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

import se.breachflow.shared.Times;

/**
 * The timers' times, for the BPMN timer expressions ({@code ${deadlineTimers.reminderAt(authorityDeadline)}}).
 * Dates are instants: the JVM runs in UTC, so the engine stores them unambiguously (docs/adr/0002).
 */
@Component("deadlineTimers")
public class DeadlineTimers {

  private final DeadlineSettings settings;

  public DeadlineTimers(DeadlineSettings settings) {
    this.settings = settings;
  }

  public Date reminderAt(Date authorityDeadline) {
    return Date.from(authorityDeadline.toInstant().minus(settings.reminderBefore()));
  }

  public Date escalationAt(Date authorityDeadline) {
    return Date.from(authorityDeadline.toInstant().minus(settings.escalationBefore()));
  }

  /** An unbounded cycle for a task's "not picked up" reminder, e.g. {@code R/PT4H}. */
  public String unassignedCycle() {
    return "R/" + settings.unassignedReminder();
  }

  public Date supplementReminderAt(Date supplementDue) {
    return Date.from(supplementDue.toInstant().minus(settings.supplementReminderBefore()));
  }

  /** The data-subject reminder's delay after the decision, as an ISO-8601 duration. */
  public String dataSubjectReminderAfter() {
    return settings.dataSubjectReminder().toString();
  }

  /** When the data subjects should have been told, counted from the decision to tell them. */
  public Date dataSubjectDue() {
    return Date.from(Times.now().plus(settings.dataSubjectReminder()));
  }

  /** When a supplement the follow-up asked for (facts changed, not a breach after all) is due: soon. */
  public Instant changeSupplementDue(Instant now) {
    return now.plus(settings.changeSupplement());
  }

  /** {@link #changeSupplementDue} from now, for a task's due date: a supplier's correction after notification. */
  public Date changeSupplementDueDate() {
    return Date.from(changeSupplementDue(Times.now()));
  }

  /** A reminder before IMY's deadline for informing the data subjects (Art. 34(4)). */
  public Date imyOrderReminderAt(Date deadline) {
    return Date.from(deadline.toInstant().minus(settings.reminderBefore()));
  }

  /** When a preliminary notification is to be supplemented, counted from its submission. */
  public Date supplementDue(Date submittedAt) {
    return Date.from(submittedAt.toInstant().plus(settings.supplement()));
  }
}
