package se.breachflow.incident.task;

import java.time.Instant;

import se.breachflow.incident.FollowUpStep;
import se.breachflow.incident.ImyReportType;

/**
 * What a completed task tells the process for its gateways and timers; null for what the task does not decide.
 *
 * @param informUrgently the data subjects are told now, before or with the notification (EDPB 9/2022 §59)
 * @param supplementDue when a supplement is to be sent (a preliminary notification's, Art. 33(4), or one the
 *     follow-up asked for)
 * @param nextStep what the follow-up leads to
 * @param imyOrderDeadline by when IMY ordered the data subjects to be informed (Art. 34(4))
 */
public record Routing(Boolean notABreach, Boolean notifyImy, Boolean informDataSubjects, Boolean informUrgently,
    ImyReportType imyReportType, Instant supplementDue, FollowUpStep nextStep, Instant imyOrderDeadline) {

  /** Most tasks decide nothing the process routes on. */
  public static final Routing NONE = new Routing(null, null, null, null, null, null, null, null);

  /** The decision: a breach or not, notify IMY or not, inform the data subjects or not, and how soon. */
  public static Routing decision(boolean notABreach, boolean notifyImy, boolean informDataSubjects,
      boolean informUrgently) {
    return new Routing(notABreach, notifyImy, informDataSubjects, informUrgently, null, null, null, null);
  }

  /** The notification filed: complete, or preliminary with its supplement due then. */
  public static Routing notification(ImyReportType type, Instant supplementDue) {
    return new Routing(null, null, null, null, type, supplementDue, null, null);
  }

  /** A supplement that told IMY it was not a breach after all: the incident closes as such. */
  public static Routing notABreachAfterAll() {
    return new Routing(true, null, null, null, null, null, null, null);
  }

  /** The follow-up's choice of what comes next, with the due date of a supplement or IMY's deadline. */
  public static Routing followUp(FollowUpStep next, Instant supplementDue, Instant imyOrderDeadline) {
    return new Routing(null, null, null, null, null, supplementDue, next, imyOrderDeadline);
  }
}
