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
 * @param cyber what the task tells the cyber track; null for nothing
 */
public record Routing(Boolean notABreach, Boolean notifyImy, Boolean informDataSubjects, Boolean informUrgently,
    ImyReportType imyReportType, Instant supplementDue, FollowUpStep nextStep, Instant imyOrderDeadline,
    Cyber cyber) {

  /**
   * The cyber track (cybersäkerhetslagen): a significant incident starts it with its two deadlines; a question a
   * person still has to answer opens a task for it; a report sets the next report's deadline.
   *
   * @param significant decided to be a significant incident (true) or not (false)
   * @param question the rules suggest it may be one and nobody has said so: ask the informationssäkerhetssamordnare
   * @param earlyWarningDeadline the 24-hour report's deadline, when significant
   * @param notificationDeadline the 72-hour notification's deadline, when significant
   * @param finalReportDeadline the final report's (or progress report's) deadline, set by the notification
   * @param progressReported a progress report was filed: a final report follows
   */
  public record Cyber(Boolean significant, Boolean question, Instant earlyWarningDeadline,
      Instant notificationDeadline, Instant finalReportDeadline, Boolean progressReported) {}

  /** Decided, or asked, whether the incident is significant under cybersäkerhetslagen. */
  public static Routing cyber(Cyber cyber) {
    return new Routing(null, null, null, null, null, null, null, null, cyber);
  }

  /** The same routing, and what it tells the cyber track. */
  public Routing with(Cyber more) {
    return new Routing(notABreach, notifyImy, informDataSubjects, informUrgently, imyReportType, supplementDue,
        nextStep, imyOrderDeadline, more);
  }

  /** Most tasks decide nothing the process routes on. */
  public static final Routing NONE = new Routing(null, null, null, null, null, null, null, null, null);

  /** The decision: a breach or not, notify IMY or not, inform the data subjects or not, and how soon. */
  public static Routing decision(boolean notABreach, boolean notifyImy, boolean informDataSubjects,
      boolean informUrgently) {
    return new Routing(notABreach, notifyImy, informDataSubjects, informUrgently, null, null, null, null, null);
  }

  /** The notification filed: complete, or preliminary with its supplement due then. */
  public static Routing notification(ImyReportType type, Instant supplementDue) {
    return new Routing(null, null, null, null, type, supplementDue, null, null, null);
  }

  /** A supplement that told IMY it was not a breach after all: the incident closes as such. */
  public static Routing notABreachAfterAll() {
    return new Routing(true, null, null, null, null, null, null, null, null);
  }

  /** The follow-up's choice of what comes next, with the due date of a supplement or IMY's deadline. */
  public static Routing followUp(FollowUpStep next, Instant supplementDue, Instant imyOrderDeadline) {
    return new Routing(null, null, null, null, null, supplementDue, next, imyOrderDeadline, null);
  }
}
