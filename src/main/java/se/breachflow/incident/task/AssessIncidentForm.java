package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.AVAILABILITY_LOSS;
import static se.breachflow.incident.Fields.CONFIDENTIALITY_LOSS;
import static se.breachflow.incident.Fields.IDENTIFIABILITY;
import static se.breachflow.incident.Fields.INTEGRITY_LOSS;
import static se.breachflow.incident.Fields.MALICIOUS_INTENT;
import static se.breachflow.incident.Fields.PUBLICLY_AVAILABLE;
import static se.breachflow.incident.Fields.UNINTELLIGIBLE;


import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.ConfidentialityLoss;
import se.breachflow.assessment.Identifiability;
import se.breachflow.assessment.IntegrityLoss;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.incident.CyberDecisions;
import se.breachflow.incident.Fields;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.incident.ReportValidator;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;
import se.breachflow.shared.Records;
import se.breachflow.shared.Times;

/**
 * {@code userTask_assessIncident}: the coordinator corrects the report and sets the risk factors. The
 * discovery time is not edited here: it fixes the 72-hour deadline.
 */
@Component
class AssessIncidentForm implements TaskForm {

  private final ReportValidator validator;
  private final IncidentRepository incidents;
  private final CyberDecisions cyberDecisions;

  AssessIncidentForm(ReportValidator validator, IncidentRepository incidents, CyberDecisions cyberDecisions) {
    this.validator = validator;
    this.incidents = incidents;
    this.cyberDecisions = cyberDecisions;
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
    Map<String, Object> values = new HashMap<>();
    Map<String, Object> report = Records.values(incident.report());
    Map<String, Object> facts = Records.values(incident.facts());
    for (Field<?> field : fields()) {
      values.put(field.name(), report.containsKey(field.name()) ? report.get(field.name()) : facts.get(field.name()));
    }
    values.put(Fields.CYBER_SIGNIFICANT.name(), incident.cyber() == null ? null : incident.cyber().significant());
    values.put(Fields.CYBER_SIGNIFICANT_REASON.name(), incident.cyber() == null ? null : incident.cyber().reason());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return Stream.of(Fields.REVISED_REPORT, Fields.RISK_FACTORS,
        List.<Field<?>>of(Fields.CYBER_SIGNIFICANT, Fields.CYBER_SIGNIFICANT_REASON))
        .<Field<?>>flatMap(List::stream).toList();
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    Identifiability identifiability = in.required(IDENTIFIABILITY, "Ange hur lätt personerna kan identifieras.");
    ConfidentialityLoss confidentiality = in.required(CONFIDENTIALITY_LOSS, "Ange om uppgifter har röjts.");
    IntegrityLoss integrity = in.required(INTEGRITY_LOSS, "Ange om uppgifter har ändrats.");
    AvailabilityLoss availability = in.required(AVAILABILITY_LOSS, "Ange om uppgifter blivit otillgängliga.");
    Boolean malicious = in.read(MALICIOUS_INTENT);
    Boolean unintelligible = in.read(UNINTELLIGIBLE);
    Boolean publiclyAvailable = in.read(PUBLICLY_AVAILABLE);
    boolean cyberSignificant = Boolean.TRUE.equals(in.read(Fields.CYBER_SIGNIFICANT));
    String cyberReason = in.read(Fields.CYBER_SIGNIFICANT_REASON);
    if (cyberSignificant && cyberReason == null && !in.hasError(Fields.CYBER_SIGNIFICANT_REASON)) {
      in.error(Fields.CYBER_SIGNIFICANT_REASON, "Ange varför incidenten är betydande enligt cybersäkerhetslagen: "
          + "allvarlig driftsstörning, ekonomisk skada eller betydande skada för andra.");
    }

    IncidentReport report = validator.revise(incident.report(), in, Times.now());
    if (report != null) {
      checkLoss(in, report, BreachType.CONFIDENTIALITY,
          confidentiality != null && confidentiality != ConfidentialityLoss.NONE, CONFIDENTIALITY_LOSS);
      checkLoss(in, report, BreachType.INTEGRITY, integrity != null && integrity != IntegrityLoss.NONE,
          INTEGRITY_LOSS);
      checkLoss(in, report, BreachType.AVAILABILITY, availability != null && availability != AvailabilityLoss.NONE,
          AVAILABILITY_LOSS);
    }
    in.throwIfInvalid("Bedömningen kunde inte sparas");

    RiskFacts facts = new RiskFacts(report.breachTypes(), report.cause(), report.dataCategories(),
        report.dataSubjectCount(), report.vulnerableSubjects(), Boolean.TRUE.equals(publiclyAvailable),
        identifiability, confidentiality, integrity, availability, Boolean.TRUE.equals(malicious),
        Boolean.TRUE.equals(unintelligible), report.recipientConfirmedDeletion());
    return userId -> {
      incidents.updateReport(incident.number(), report, facts);
      return Routing.NONE.with(cyber(incident, report, facts, cyberSignificant, cyberReason, userId));
    };
  }

  /**
   * The coordinator's answer on cybersäkerhetslagen: a significant incident starts the cyber track; otherwise, when
   * the rules suggest it may be one, the informationssäkerhetssamordnare is asked; otherwise it is not one.
   */
  private Routing.Cyber cyber(Incident incident, IncidentReport report, RiskFacts facts, boolean significant,
      String reason, String userId) {
    if (incident.cyber() != null && incident.cyber().significant() != null) {
      return null; // decided already (by the informationssäkerhetssamordnare, before the assessment)
    }
    if (significant) {
      CyberDecisions.Deadlines due = cyberDecisions.decide(incident, true, reason, userId);
      return new Routing.Cyber(true, false, due.earlyWarning(), due.notification(), null, null);
    }
    if (CyberDecisions.suggested(report, facts)) {
      // The question is due when the first report would be: 24 hours after awareness.
      CyberDecisions.Deadlines due = cyberDecisions.deadlines(incident);
      return new Routing.Cyber(null, true, due.earlyWarning(), due.notification(), null, null);
    }
    // Left empty: nobody has decided. It may be decided later (PUT /api/incidents/{number}/cyber).
    return null;
  }

  /** A loss of a kind the breach types do not list is a contradiction the coordinator must resolve. */
  private static void checkLoss(FormReader in, IncidentReport report, BreachType type, boolean loss,
      Field<?> field) {
    if (loss && !report.breachTypes().contains(type)) {
      in.error(field, "Välj även \"" + type.choice() + "\" under vad som hände med uppgifterna, eller ange "
          + "att ingen sådan förlust skett.");
    }
  }
}
