package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.AVAILABILITY_LOSS;
import static se.breachflow.incident.Fields.BREACH_TYPES;
import static se.breachflow.incident.Fields.CAUSE;
import static se.breachflow.incident.Fields.CONFIDENTIALITY_LOSS;
import static se.breachflow.incident.Fields.CONTROLLER_ID;
import static se.breachflow.incident.Fields.DATA_CATEGORIES;
import static se.breachflow.incident.Fields.DATA_SUBJECT_COUNT;
import static se.breachflow.incident.Fields.DESCRIPTION;
import static se.breachflow.incident.Fields.DISCOVERED_AT;
import static se.breachflow.incident.Fields.IDENTIFIABILITY;
import static se.breachflow.incident.Fields.INTEGRITY_LOSS;
import static se.breachflow.incident.Fields.MALICIOUS_INTENT;
import static se.breachflow.incident.Fields.MEASURES_TAKEN;
import static se.breachflow.incident.Fields.OCCURRED_AT;
import static se.breachflow.incident.Fields.PROCESSOR;
import static se.breachflow.incident.Fields.PROCESSOR_INVOLVED;
import static se.breachflow.incident.Fields.PUBLICLY_AVAILABLE;
import static se.breachflow.incident.Fields.RECIPIENT;
import static se.breachflow.incident.Fields.RECIPIENT_CONFIRMED_DELETION;
import static se.breachflow.incident.Fields.UNINTELLIGIBLE;
import static se.breachflow.incident.Fields.VULNERABLE_SUBJECTS;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.ConfidentialityLoss;
import se.breachflow.assessment.Identifiability;
import se.breachflow.assessment.IntegrityLoss;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.incident.ReportValidator;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.Times;

/**
 * {@code userTask_assessIncident}: the coordinator corrects the report and sets the risk factors. The
 * discovery time is not edited here: it fixes the 72-hour deadline.
 */
@Component
class AssessIncidentForm implements TaskForm {

  private final ReportValidator validator;
  private final IncidentRepository incidents;

  AssessIncidentForm(ReportValidator validator, IncidentRepository incidents) {
    this.validator = validator;
    this.incidents = incidents;
  }

  @Override
  public Step step() {
    return Step.ASSESSMENT;
  }

  @Override
  public IncidentStatus status() {
    return IncidentStatus.ASSESSMENT;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    IncidentReport report = incident.report();
    RiskFacts facts = incident.facts();
    Map<String, Object> values = new HashMap<>();
    values.put(DESCRIPTION.name(), report.description());
    values.put(CAUSE.name(), report.cause());
    values.put(OCCURRED_AT.name(), report.occurredAt());
    values.put(BREACH_TYPES.name(), report.breachTypes());
    values.put(DATA_CATEGORIES.name(), report.dataCategories());
    values.put(DATA_SUBJECT_COUNT.name(), report.dataSubjectCount());
    values.put(VULNERABLE_SUBJECTS.name(), report.vulnerableSubjects());
    values.put(RECIPIENT.name(), report.recipient());
    values.put(RECIPIENT_CONFIRMED_DELETION.name(), report.recipientConfirmedDeletion());
    values.put(PROCESSOR.name(), report.processor());
    values.put(MEASURES_TAKEN.name(), report.measuresTaken());
    values.put(IDENTIFIABILITY.name(), facts.identifiability());
    values.put(CONFIDENTIALITY_LOSS.name(), facts.confidentialityLoss());
    values.put(INTEGRITY_LOSS.name(), facts.integrityLoss());
    values.put(AVAILABILITY_LOSS.name(), facts.availabilityLoss());
    values.put(MALICIOUS_INTENT.name(), facts.maliciousIntent());
    values.put(UNINTELLIGIBLE.name(), facts.unintelligible());
    values.put(PUBLICLY_AVAILABLE.name(), facts.publiclyAvailable());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(DESCRIPTION, CAUSE, OCCURRED_AT, BREACH_TYPES, DATA_CATEGORIES, DATA_SUBJECT_COUNT,
        VULNERABLE_SUBJECTS, RECIPIENT, RECIPIENT_CONFIRMED_DELETION, PROCESSOR, MEASURES_TAKEN, IDENTIFIABILITY,
        CONFIDENTIALITY_LOSS, INTEGRITY_LOSS, AVAILABILITY_LOSS, MALICIOUS_INTENT, UNINTELLIGIBLE,
        PUBLICLY_AVAILABLE);
  }

  @Override
  public Completion check(Incident incident, FormReader submitted) {
    FormReader factors = submitted;
    Identifiability identifiability = factors.required(IDENTIFIABILITY, "Ange hur lätt personerna kan identifieras.");
    ConfidentialityLoss confidentiality = factors.required(CONFIDENTIALITY_LOSS, "Ange om uppgifter har röjts.");
    IntegrityLoss integrity = factors.required(INTEGRITY_LOSS, "Ange om uppgifter har ändrats.");
    AvailabilityLoss availability = factors.required(AVAILABILITY_LOSS, "Ange om uppgifter blivit otillgängliga.");
    Boolean malicious = factors.read(MALICIOUS_INTENT);
    Boolean unintelligible = factors.read(UNINTELLIGIBLE);
    Boolean publiclyAvailable = factors.read(PUBLICLY_AVAILABLE);

    ReportValidator.ValidReport valid;
    try {
      valid = validator.validate(name -> {
        if (name.equals(CONTROLLER_ID.name())) {
          return incident.controllerId();
        }
        if (name.equals(DISCOVERED_AT.name())) {
          return Date.from(incident.report().discoveredAt());
        }
        if (name.equals(PROCESSOR_INVOLVED.name())) {
          return null;
        }
        return submitted.raw(name);
      }, Times.now());
    } catch (InvalidInputException reportErrors) {
      factors.errors(reportErrors.errors());
      valid = null;
    }
    if (valid != null) {
      checkLoss(factors, valid.report(), BreachType.CONFIDENTIALITY, confidentiality != null && confidentiality != ConfidentialityLoss.NONE,
          CONFIDENTIALITY_LOSS);
      checkLoss(factors, valid.report(), BreachType.INTEGRITY, integrity != null && integrity != IntegrityLoss.NONE, INTEGRITY_LOSS);
      checkLoss(factors, valid.report(), BreachType.AVAILABILITY, availability != null && availability != AvailabilityLoss.NONE,
          AVAILABILITY_LOSS);
    }
    factors.throwIfInvalid("Bedömningen kunde inte sparas");

    IncidentReport report = valid.report();
    RiskFacts facts = new RiskFacts(report.breachTypes(), report.cause(), report.dataCategories(),
        report.dataSubjectCount(), report.vulnerableSubjects(), Boolean.TRUE.equals(publiclyAvailable),
        identifiability, confidentiality, integrity, availability, Boolean.TRUE.equals(malicious),
        Boolean.TRUE.equals(unintelligible), report.recipientConfirmedDeletion());
    return userId -> {
      incidents.updateReport(incident.number(), report, facts);
      return Routing.NONE;
    };
  }

  /** A loss of a kind the breach types do not list is a contradiction the coordinator must resolve. */
  private static void checkLoss(FormReader in, IncidentReport report, BreachType type, boolean loss,
      Field<?> field) {
    if (loss && !report.breachTypes().contains(type)) {
      in.error(field, "Välj även \"" + type.label() + "\" under vad som hände med uppgifterna, eller ange "
          + "att ingen sådan förlust skett.");
    }
  }
}
