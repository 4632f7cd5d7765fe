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
    return new DocumentData(incident, controller, incident.isLate(now), lateReasonOf(incident),
        contactId == null ? null : person(contactId), history.timeline(incident), now);
  }

  /** The DPO's reasons for notifying IMY after the deadline (Art. 33(1)), or null. */
  static String lateReasonOf(Incident incident) {
    return incident.imy() == null ? null : incident.imy().lateReason();
  }

  People.Person person(String userId) {
    return people.find(userId).orElse(new People.Person(userId, null, null));
  }
}
