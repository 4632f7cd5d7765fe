package se.breachflow.document;

import java.time.Instant;

import org.springframework.stereotype.Component;

import se.breachflow.access.People;
import se.breachflow.incident.Incident;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/** Gathers the data of an incident's documents: the record, the controller, the people and the history. */
@Component
class DocumentDataFactory {

  private final ControllerRegistry controllers;
  private final People people;
  private final CaseHistory history;

  DocumentDataFactory(ControllerRegistry controllers, People people, CaseHistory history) {
    this.controllers = controllers;
    this.people = people;
    this.history = history;
  }

  DocumentData of(Incident incident, Instant now) {
    DataController controller = controllers.find(incident.controllerId())
        .orElse(new DataController(incident.controllerId(), incident.controllerId(), null, null, null));
    String contactId = incident.imy() != null && incident.imy().recordedBy() != null ? incident.imy().recordedBy()
        : incident.decision() != null ? incident.decision().decidedBy() : null;
    return new DocumentData(incident, controller, late(incident, now), lateReasonOf(incident),
        contactId == null ? null : person(contactId), history.timeline(incident), now);
  }

  /** The DPO's reasons for notifying IMY after the deadline (Art. 33(1)), or null. */
  static String lateReasonOf(Incident incident) {
    return incident.imy() == null ? null : incident.imy().lateReason();
  }

  /** Late when filed after the deadline, or not yet filed (and not decided against) when the deadline has passed. */
  static boolean late(Incident incident, Instant now) {
    if (incident.late()) {
      return true;
    }
    if (incident.imy() != null) {
      return incident.imy().submittedAt() != null && incident.imy().submittedAt().isAfter(incident.authorityDeadline());
    }
    boolean pending = incident.decision() == null || incident.decision().notifyImy();
    return pending && now.isAfter(incident.authorityDeadline());
  }

  People.Person person(String userId) {
    return people.find(userId).orElse(new People.Person(userId, null, null));
  }
}
