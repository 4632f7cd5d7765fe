package se.breachflow.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import se.breachflow.access.People;
import se.breachflow.incident.Incident;
import se.breachflow.organisation.DataController;

/**
 * Everything a document of one incident shows, gathered once.
 *
 * @param controller the controller as configured (name, organisation number, address, DPO)
 * @param late whether the notification to IMY is, or will be, later than the deadline (Art. 33(1),
 *     {@link Incident#isLate}); only then do the documents speak of a delay
 * @param lateReason the reasons for the delay given when the notification was recorded; null when none is
 *     recorded
 * @param contactPerson who answers IMY's questions: whoever recorded the notification, before that the DPO who
 *     advised, before that whoever decided; null before any of them
 * @param contactRole the contact person's role for the controller; null when neither DPO nor coordinator
 * @param people the people named in the record (who advised, decided, notified, closed), by user id, as the
 *     identity service knows them
 * @param timeline every step of the process, oldest first
 * @param generatedAt when the document is made (printed in Stockholm time)
 * @param supplier the supplier incident the case is part of; null for an incident of its own
 */
public record DocumentData(
    Incident incident,
    DataController controller,
    boolean late,
    String lateReason,
    People.Person contactPerson,
    ContactRole contactRole,
    Map<String, People.Person> people,
    List<TimelineEntry> timeline,
    Instant generatedAt,
    SupplierLink supplier) {

  public DocumentData {
    people = Map.copyOf(people);
    timeline = List.copyOf(timeline);
  }

  /**
   * The supplier incident a case is one controller's part of (issue 19).
   *
   * @param otherCases the other controllers' cases, as "PUI-2026-0008 (Socialnämnden)", named only where everyone
   *     who may read this case's documents may also see that case
   * @param otherCasesNotNamed how many further controllers' cases there are
   */
  public record SupplierLink(String number, String processor, String processorOrganisationNumber, String systems,
      List<String> otherCases, int otherCasesNotNamed) {

    public SupplierLink {
      otherCases = List.copyOf(otherCases);
    }
  }

  /** The role the contact person holds for the controller. */
  public enum ContactRole { DPO, COORDINATOR }

  /** One step of the process from the engine's history. */
  public record TimelineEntry(String activity, String who, Instant started, Instant ended, boolean cancelled) {}

  /**
   * Who a user id is, for the documents: {@code Dana Dataskyddsombud (dpo)} when the identity service knows the
   * name, else the id; "Ej angivet" for none.
   */
  public String who(String userId) {
    if (userId == null) {
      return Swedish.NOT_STATED;
    }
    People.Person person = people.get(userId);
    if (person == null && contactPerson != null && userId.equals(contactPerson.id())) {
      person = contactPerson;
    }
    return person == null || person.name() == null || person.name().isBlank() ? userId
        : person.name() + " (" + userId + ")";
  }

  public DocumentData withLateReason(String reason) {
    return new DocumentData(incident, controller, late, reason, contactPerson, contactRole, people, timeline,
        generatedAt, supplier);
  }

  public DocumentData withIncident(Incident changed) {
    return new DocumentData(changed, controller, late, lateReason, contactPerson, contactRole, people, timeline,
        generatedAt, supplier);
  }
}
