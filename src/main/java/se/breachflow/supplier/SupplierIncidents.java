package se.breachflow.supplier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.breachflow.access.CurrentUser;
import se.breachflow.access.Groups;
import se.breachflow.access.IncidentAccess;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentAudit;
import se.breachflow.incident.IncidentNumbers;
import se.breachflow.incident.IncidentReport;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.Process;
import se.breachflow.incident.ReportValidator;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Echo;
import se.breachflow.shared.ForbiddenException;
import se.breachflow.shared.NotFoundException;
import se.breachflow.shared.Records;
import se.breachflow.shared.Times;
import se.breachflow.supplier.SupplierIncident.AffectedController;
import se.breachflow.supplier.SupplierIncident.LinkedCase;
import se.breachflow.supplier.SupplierIncident.SupplierFacts;

/**
 * Supplier incidents: registration (one ordinary incident per affected controller, each started as a report
 * is, with that controller's own 72 hours), a controller added later, corrections of the shared facts, and the
 * view of them. Each is one transaction: either the supplier incident and all its cases are registered, or
 * nothing is.
 *
 * <p>Who may: register, or add a controller, for the controllers one is coordinator or DPO of (administrators
 * for any); see a supplier incident when one sees the whole case of at least one linked case — and then only the
 * linked cases one may see are shown (the DPO of several controllers sees them all); correct it when one is
 * coordinator or DPO of at least one linked case.
 */
@Service
public class SupplierIncidents {

  /**
   * The columns of supplier_incident that may hold personal data: the supplier's account of what happened, the
   * systems, who registered and corrected it. Retention removes them once every linked case's are removed.
   */
  public static final List<String> PERSONAL_DATA = List.of("description", "systems", "reported_by", "corrected_by");

  private final SupplierReports reports;
  private final SupplierIncidentRepository suppliers;
  private final IncidentRepository incidents;
  private final IncidentAudit audit;
  private final IncidentNumbers numbers;
  private final Process process;
  private final IncidentAccess access;
  private final CurrentUser currentUser;
  private final ControllerRegistry controllers;

  SupplierIncidents(SupplierReports reports, SupplierIncidentRepository suppliers, IncidentRepository incidents,
      IncidentAudit audit, IncidentNumbers numbers, Process process, IncidentAccess access, CurrentUser currentUser,
      ControllerRegistry controllers) {
    this.reports = reports;
    this.suppliers = suppliers;
    this.incidents = incidents;
    this.audit = audit;
    this.numbers = numbers;
    this.process = process;
    this.access = access;
    this.currentUser = currentUser;
    this.controllers = controllers;
  }

  /** A registration's answer: the supplier incident's number and each controller's case. */
  public record Registered(String number, List<RegisteredCase> incidents) {}

  /** One controller's new case. */
  public record RegisteredCase(String number, String controllerId, Instant authorityDeadline) {}

  /**
   * What a correction did to each linked case the caller may see.
   *
   * @param outcome {@code UPDATED}: the case had not notified IMY and now holds the corrected facts;
   *     {@code SUPPLEMENT_REQUESTED}: it had, and has a task to supplement the notification; {@code NOTED}: it
   *     had, and is closed (or on an older version of the process): the correction is in its audit trail
   */
  public record Corrected(String number, List<CorrectedCase> incidents) {}

  public record CorrectedCase(String number, String controllerId, Outcome outcome) {}

  public enum Outcome { UPDATED, SUPPLEMENT_REQUESTED, NOTED, UNCHANGED }

  /**
   * Checks what was sent without registering anything (the start form's boundary asks before the process
   * starts).
   *
   * @throws se.breachflow.shared.InvalidInputException naming every bad field
   * @throws ForbiddenException when the caller may not register for one of the controllers
   */
  public void check(Function<String, Object> values, Set<String> names) {
    checked(values, names, Times.now());
  }

  @Transactional
  public Registered register(Function<String, Object> values, Set<String> names) {
    Instant now = Times.now();
    SupplierReports.Registration registration = checked(values, names, now);
    String number = numbers.nextSupplierIncident(now);
    String userId = currentUser.id();
    suppliers.insert(number, registration.facts(), userId, now);
    List<RegisteredCase> cases = new ArrayList<>();
    for (ReportValidator.ValidReport report : registration.cases()) {
      cases.add(startCase(number, report, userId));
    }
    return new Registered(number, cases);
  }

  /** A controller the supplier told later: its own case, with its own clock, linked to the others. */
  @Transactional
  public RegisteredCase addController(String number, Map<String, Object> body) {
    SupplierIncidentRepository.Row row = suppliers.findForUpdate(number).orElseThrow(() -> notFound(number));
    List<Incident> linked = incidents.findBySupplierIncident(number);
    requireSees(number, linked, row);
    List<AffectedController> existing = linked.stream()
        .map(i -> new AffectedController(i.controllerId(), i.report().awareAt(), i.report().dataSubjectCount()))
        .toList();
    // Whether the caller may add that controller comes first: a refusal must not tell whether it has a case.
    Object asked = body.get(SupplierFields.CONTROLLER_ID.name());
    if (asked instanceof String id && controllers.find(id).isPresent()) {
      requireMayRegisterFor(List.of(id));
    }
    ReportValidator.ValidReport report = reports.addedController(row.facts(), body::get, existing, Times.now());
    requireMayRegisterFor(List.of(report.controllerId()));
    return startCase(number, report, currentUser.id());
  }

  /**
   * Corrects the shared facts. Every linked case that has not notified IMY gets them, in its audit trail; one
   * that has gets a task to supplement the notification, and the correction in its audit trail.
   */
  @Transactional
  public Corrected correct(String number, Map<String, Object> body) {
    SupplierIncidentRepository.Row row = suppliers.findForUpdate(number).orElseThrow(() -> notFound(number));
    List<Incident> linked = incidents.findBySupplierIncident(number);
    requireSees(number, linked, row);
    requireWorksOnOneOf(linked);
    SupplierReports.Correction correction = reports.correction(row.facts(), body,
        linked.stream().map(Incident::controllerId).collect(Collectors.toSet()));
    requireMayRegisterFor(correction.dataSubjectCounts().keySet());
    Instant now = Times.now();
    // Every case must still be a valid report with the corrected facts before anything changes.
    Map<Incident, IncidentReport> revised = new LinkedHashMap<>();
    for (Incident incident : linked) {
      int count = correction.dataSubjectCounts().getOrDefault(incident.controllerId(),
          incident.report().dataSubjectCount());
      ReportValidator.ValidReport valid = reports.caseReport(correction.facts(),
          new AffectedController(incident.controllerId(), incident.report().awareAt(), count), -1, now);
      revised.put(incident, revise(incident.report(), row.facts(), correction.facts(), valid.report(),
          count != incident.report().dataSubjectCount()));
    }
    suppliers.correct(number, correction.facts(), currentUser.id(), now);
    Map<String, String> changes = changes(row.facts(), correction.facts());
    List<CorrectedCase> outcomes = new ArrayList<>();
    revised.forEach((incident, report) -> {
      Outcome outcome = apply(incident, report, changes);
      if (access.currentUserPartIn(incident.controllerId(), incident.reporterId()).seesCase()) {
        outcomes.add(new CorrectedCase(incident.number(), incident.controllerId(), outcome));
      }
    });
    return new Corrected(number, outcomes);
  }

  /** The supplier incident with the linked cases the caller may see; 404 when the caller may see none. */
  public SupplierIncident find(String number) {
    SupplierIncidentRepository.Row row = suppliers.find(number).orElseThrow(() -> notFound(number));
    List<Incident> linked = incidents.findBySupplierIncident(number);
    requireSees(number, linked, row);
    return view(row, linked);
  }

  /**
   * The shared facts of a supplier incident, for the documents of a linked case (whose reader's access the caller
   * has checked); empty when there is none.
   */
  public java.util.Optional<SupplierFacts> facts(String number) {
    return suppliers.find(number).map(SupplierIncidentRepository.Row::facts);
  }

  /** Retention: the supplier incidents all of whose cases are removed lose their personal data too. */
  @Transactional
  public int removePersonalDataOfRemovedCases(String marker) {
    return suppliers.removePersonalData(marker);
  }

  /** The newest supplier incidents the caller may see. */
  public List<SupplierIncident> list(int limit) {
    List<SupplierIncident> visible = new ArrayList<>();
    for (SupplierIncidentRepository.Row row : suppliers.newest(limit)) {
      List<Incident> linked = incidents.findBySupplierIncident(row.number());
      if (sees(linked, row)) {
        visible.add(view(row, linked));
      }
    }
    return visible;
  }

  // ----------------------------------------------------------------------------------------------- cases

  private RegisteredCase startCase(String supplierIncident, ReportValidator.ValidReport report, String userId) {
    String caseNumber = process.start(report, userId);
    incidents.linkToSupplierIncident(caseNumber, supplierIncident);
    Incident incident = incidents.find(caseNumber)
        .orElseThrow(() -> new IllegalStateException("The case " + caseNumber + " was not registered"));
    return new RegisteredCase(caseNumber, incident.controllerId(), incident.authorityDeadline());
  }

  /**
   * The case's report with what the supplier corrected: only the facts that changed replace the case's own (a
   * coordinator's correction of another fact stays).
   */
  private static IncidentReport revise(IncidentReport current, SupplierFacts before, SupplierFacts after,
      IncidentReport checked, boolean countChanged) {
    IncidentReport report = current;
    Map<String, Object> was = Records.values(before);
    Map<String, Object> now = Records.values(after);
    Map<String, Object> fromChecked = Records.values(checked);
    for (String component : Records.values(current).keySet()) {
      if (now.containsKey(component) && !Objects.equals(was.get(component), now.get(component))) {
        report = Records.with(report, component, fromChecked.get(component));
      }
    }
    if (countChanged) {
      report = Records.with(report, "dataSubjectCount", checked.dataSubjectCount());
    }
    return report;
  }

  private Outcome apply(Incident incident, IncidentReport report, Map<String, String> changes) {
    boolean countChanged = report.dataSubjectCount() != incident.report().dataSubjectCount();
    if (changes.isEmpty() && !countChanged) {
      return Outcome.UNCHANGED;
    }
    if (incident.imy() == null && !incident.status().isClosed()) {
      incidents.updateReport(incident.number(), report, facts(incident.facts(), report));
      return Outcome.UPDATED;
    }
    changes.forEach((field, change) -> audit.note(incident.number(), "supplierIncident." + field, null, change));
    if (countChanged) {
      audit.note(incident.number(), "supplierIncident.dataSubjectCount",
          String.valueOf(incident.report().dataSubjectCount()), String.valueOf(report.dataSubjectCount()));
    }
    if (incident.imy() != null && process.requestSupplement(incident.number())) {
      return Outcome.SUPPLEMENT_REQUESTED;
    }
    return Outcome.NOTED;
  }

  /** The risk facts with the report's facts replaced; the coordinator's own factors stay. */
  private static RiskFacts facts(RiskFacts current, IncidentReport report) {
    RiskFacts facts = current;
    for (String component : List.of("breachTypes", "cause", "dataCategories", "dataSubjectCount")) {
      facts = Records.with(facts, component, Records.values(report).get(component));
    }
    return facts;
  }

  /** The shared facts that changed, as "old → new" texts by name. */
  private static Map<String, String> changes(SupplierFacts before, SupplierFacts after) {
    Map<String, Object> was = Records.values(before);
    Map<String, String> changes = new LinkedHashMap<>();
    Records.values(after).forEach((name, value) -> {
      if (!Objects.equals(was.get(name), value)) {
        changes.put(name, text(was.get(name)) + " → " + text(value));
      }
    });
    return changes;
  }

  private static String text(Object value) {
    if (value instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
    }
    return value == null ? "" : String.valueOf(value);
  }

  // ----------------------------------------------------------------------------------------------- access

  /** A registration as sent, checked, by one who may register for each of its controllers. */
  private SupplierReports.Registration checked(Function<String, Object> values, Set<String> names, Instant now) {
    SupplierReports.Registration registration = reports.registration(values, names, now);
    requireMayRegisterFor(registration.controllers().stream().map(AffectedController::controllerId).toList());
    return registration;
  }

  private boolean mayRegisterFor(List<String> groups, String controllerId) {
    return Groups.registrars(controllerId).stream().anyMatch(groups::contains);
  }

  private void requireMayRegisterFor(Collection<String> controllerIds) {
    List<String> groups = currentUser.groups();
    if (groups.contains(Groups.ADMIN)) {
      return;
    }
    List<String> refused = controllerIds.stream()
        .filter(id -> !mayRegisterFor(groups, id))
        .map(id -> controllers.find(id).map(DataController::name).orElse(id))
        .toList();
    if (!refused.isEmpty()) {
      throw new ForbiddenException("Du kan bara registrera leverantörsincidenter för nämnder och bolag där du är "
          + "dataskyddssamordnare eller dataskyddsombud. Det är du inte för: " + String.join(", ", refused) + ".");
    }
  }

  /** Corrections are made by those who work the cases, not by management (who may read them). */
  private void requireWorksOnOneOf(List<Incident> linked) {
    List<String> groups = currentUser.groups();
    if (!groups.contains(Groups.ADMIN) && linked.stream().noneMatch(i -> mayRegisterFor(groups, i.controllerId()))) {
      throw new ForbiddenException("Leverantörens uppgifter rättas av dataskyddssamordnare eller dataskyddsombud "
          + "för någon av de berörda nämnderna och bolagen.");
    }
  }

  private boolean sees(List<Incident> linked, SupplierIncidentRepository.Row row) {
    return currentUser.groups().contains(Groups.ADMIN)
        || linked.stream().anyMatch(i -> access.currentUserPartIn(i.controllerId(), i.reporterId()).seesCase());
  }

  private void requireSees(String number, List<Incident> linked, SupplierIncidentRepository.Row row) {
    if (!sees(linked, row)) {
      throw notFound(number);
    }
  }

  private SupplierIncident view(SupplierIncidentRepository.Row row, List<Incident> linked) {
    Instant now = Times.now();
    List<LinkedCase> cases = new ArrayList<>();
    for (Incident i : linked) {
      if (access.currentUserPartIn(i.controllerId(), i.reporterId()).seesCase()) {
        cases.add(new LinkedCase(i.number(), i.controllerId(),
            controllers.find(i.controllerId()).map(DataController::name).orElse(i.controllerId()), i.status(),
            i.status().label(), i.authorityDeadline(), i.isLate(now),
            i.decision() == null ? null : i.decision().notifyImy(), i.imy() == null ? null : i.imy().caseNumber(),
            i.imy() == null ? null : i.imy().submittedAt()));
      }
    }
    return new SupplierIncident(row.number(), row.facts(), row.reportedBy(), row.reportedAt(), row.correctedBy(),
        row.correctedAt(), cases, linked.size() - cases.size());
  }

  private static NotFoundException notFound(String number) {
    return new NotFoundException("Leverantörsincidenten " + Echo.of(number) + " finns inte.");
  }
}
