package se.breachflow.incident.task;

import java.time.Instant;

import se.breachflow.incident.ImyReportType;

/**
 * What a completed task tells the process for its gateways and timers; null for what the task does not decide.
 *
 * @param supplementDue when a preliminary notification is to be supplemented (Art. 33(4))
 */
public record Routing(Boolean notABreach, Boolean notifyImy, Boolean informDataSubjects,
    ImyReportType imyReportType, Instant supplementDue) {

  /** Most tasks decide nothing the process routes on. */
  public static final Routing NONE = new Routing(null, null, null, null, null);

  /** The decision: a breach or not, notify IMY or not, inform the data subjects or not. */
  public static Routing decision(boolean notABreach, boolean notifyImy, boolean informDataSubjects) {
    return new Routing(notABreach, notifyImy, informDataSubjects, null, null);
  }

  /** The notification filed: complete, or preliminary with its supplement due then. */
  public static Routing notification(ImyReportType type, Instant supplementDue) {
    return new Routing(null, null, null, type, supplementDue);
  }
}
