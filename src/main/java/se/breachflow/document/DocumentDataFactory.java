package se.breachflow.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import se.breachflow.access.Groups;
import se.breachflow.access.IncidentAccess;
import se.breachflow.access.People;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.supplier.SupplierIncidents;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.CyberTrack;
import se.breachflow.incident.Incident;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/** Gathers the data of an incident's documents: the record, the controller, the people and the history. */
@Component
class DocumentDataFactory {

  private final ControllerRegistry controllers;
  private final People people;
  private final CaseHistory history;
  private final IncidentRepository incidents;
  private final SupplierIncidents suppliers;
  private final IncidentAccess access;

  DocumentDataFactory(ControllerRegistry controllers, People people, CaseHistory history,
      IncidentRepository incidents, SupplierIncidents suppliers, IncidentAccess access) {
    this.controllers = controllers;
    this.people = people;
    this.history = history;
    this.incidents = incidents;
    this.suppliers = suppliers;
    this.access = access;
  }

  DocumentData of(Incident incident, Instant now) {
    DataController controller = controllers.find(incident.controllerId())
        .orElse(new DataController(incident.controllerId(), incident.controllerId(), null, null, null));
    String contactId = contactId(incident);
    Map<String, People.Person> named = new HashMap<>();
    namedIn(incident).forEach(id -> named.computeIfAbsent(id, this::person));
    return new DocumentData(incident, controller, incident.isLate(now), lateReasonOf(incident),
        contactId == null ? null : named.computeIfAbsent(contactId, this::person),
        contactId == null ? null : role(contactId, incident.controllerId()), named, history.timeline(incident), now,
        supplierLink(incident));
  }

  /**
   * The supplier incident of a linked case. Another controller's case is named only when everyone who may read
   * this case's documents may also see that case ("only where that controller may see them"): a document filed
   * by a DPO of both controllers may later be read by a coordinator of only one.
   */
  private DocumentData.SupplierLink supplierLink(Incident incident) {
    if (incident.supplierIncident() == null) {
      return null;
    }
    Set<String> readers = readers(incident.controllerId());
    List<String> named = new ArrayList<>();
    int notNamed = 0;
    for (Incident other : incidents.findBySupplierIncident(incident.supplierIncident())) {
      if (other.number().equals(incident.number())) {
        continue;
      }
      if (readers(other.controllerId()).containsAll(readers)) {
        named.add(other.number() + " (" + controllers.find(other.controllerId()).map(DataController::name)
            .orElse(other.controllerId()) + ")");
      } else {
        notNamed++;
      }
    }
    var facts = suppliers.facts(incident.supplierIncident());
    return new DocumentData.SupplierLink(incident.supplierIncident(),
        facts.map(f -> f.processor()).orElse(incident.report().processor()),
        facts.map(f -> f.processorOrganisationNumber()).orElse(null), facts.map(f -> f.systems()).orElse(null),
        named, notNamed);
  }

  /** Everyone who sees the whole case of the controller's incidents, by user id. */
  private Set<String> readers(String controllerId) {
    Set<String> ids = new HashSet<>();
    access.groupsSeeingCasesOf(controllerId).forEach(group -> people.members(group).forEach(p -> ids.add(p.id())));
    return ids;
  }

  /**
   * Who answers IMY's questions: whoever filed the notification (the DPO or a coordinator, on the controller's
   * behalf); before that the DPO who advised, who usually files; in version 1 of the process, the DPO who decided.
   */
  static String contactId(Incident incident) {
    if (incident.imy() != null && incident.imy().recordedBy() != null) {
      return incident.imy().recordedBy();
    }
    if (incident.dpoAdvice() != null && incident.dpoAdvice().advisedBy() != null) {
      return incident.dpoAdvice().advisedBy();
    }
    return incident.decision() == null ? null : incident.decision().decidedBy();
  }

  /** The DPO's reasons for notifying IMY after the deadline (Art. 33(1)), or null. */
  static String lateReasonOf(Incident incident) {
    return incident.imy() == null ? null : incident.imy().lateReason();
  }

  People.Person person(String userId) {
    return people.find(userId).orElse(new People.Person(userId, null, null));
  }

  private DocumentData.ContactRole role(String userId, String controllerId) {
    if (isMember(userId, Groups.dpo(controllerId))) {
      return DocumentData.ContactRole.DPO;
    }
    return isMember(userId, Groups.coordinators(controllerId)) ? DocumentData.ContactRole.COORDINATOR : null;
  }

  private boolean isMember(String userId, String groupId) {
    return people.members(groupId).stream().anyMatch(member -> member.id().equals(userId));
  }

  private static Stream<String> namedIn(Incident incident) {
    return Stream.concat(namedInImyTrack(incident), namedInCyberTrack(incident));
  }

  /** Who decided the incident is significant and who filed each report to the CSIRT (the cyber documents). */
  private static Stream<String> namedInCyberTrack(Incident incident) {
    if (incident.cyber() == null) {
      return Stream.empty();
    }
    return Stream.concat(Stream.of(incident.cyber().decidedBy()),
            Arrays.stream(CyberReportKind.values()).map(incident.cyber()::report).filter(Objects::nonNull)
                .map(CyberTrack.CyberReport::filedBy))
        .filter(Objects::nonNull);
  }

  private static Stream<String> namedInImyTrack(Incident incident) {
    return Stream.of(
            incident.reporterId(),
            incident.dpoAdvice() == null ? null : incident.dpoAdvice().advisedBy(),
            incident.decision() == null ? null : incident.decision().decidedBy(),
            incident.imy() == null ? null : incident.imy().recordedBy(),
            incident.imyOrder() == null ? null : incident.imyOrder().recordedBy(),
            incident.followUp() == null ? null : incident.followUp().closedBy())
        .filter(Objects::nonNull);
  }
}
