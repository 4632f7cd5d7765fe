package se.breachflow.document;

import java.time.Instant;
import java.util.List;

import se.breachflow.access.People;
import se.breachflow.incident.Incident;
import se.breachflow.organisation.DataController;

/**
 * Everything a document of one incident shows, gathered once.
 *
 * @param controller the controller as configured (name, organisation number, address, DPO)
 * @param late whether the notification to IMY is, or will be, later than the deadline (Art. 33(1))
 * @param lateReason the reasons for the delay given by the DPO; null when none is recorded
 * @param contactPerson who answers IMY's questions: the DPO who recorded the notification or decided
 * @param timeline every step of the process, oldest first
 * @param generatedAt when the document is made (printed in Stockholm time)
 */
public record DocumentData(
    Incident incident,
    DataController controller,
    boolean late,
    String lateReason,
    People.Person contactPerson,
    List<TimelineEntry> timeline,
    Instant generatedAt) {

  public DocumentData {
    timeline = List.copyOf(timeline);
  }

  /** One step of the process from the engine's history. */
  public record TimelineEntry(String activity, String who, Instant started, Instant ended, boolean cancelled) {}

  public DocumentData withLateReason(String reason) {
    return new DocumentData(incident, controller, late || reason != null, reason, contactPerson, timeline,
        generatedAt);
  }

  public DocumentData withIncident(Incident changed) {
    return new DocumentData(changed, controller, late, lateReason, contactPerson, timeline, generatedAt);
  }
}
