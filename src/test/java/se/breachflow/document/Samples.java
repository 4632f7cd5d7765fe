package se.breachflow.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.ConfidentialityLoss;
import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.Identifiability;
import se.breachflow.assessment.IntegrityLoss;
import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.assessment.RiskLevel;
import se.breachflow.assessment.Severity;
import se.breachflow.access.People;
import se.breachflow.incident.DataSubjectCommunication;
import se.breachflow.incident.DataSubjectsOutcome;
import se.breachflow.incident.DataSubjectGroup;
import se.breachflow.incident.Decision;
import se.breachflow.incident.DpoAdvice;
import se.breachflow.incident.FollowUp;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.ImyReportType;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.incident.Recipient;
import se.breachflow.incident.SupplementKind;
import se.breachflow.organisation.DataController;

/** Incidents built by hand, for the documents' content without the engine. */
final class Samples {

  static final DataController SOCIALNAMNDEN = new DataController("sn", "Socialnämnden", "212000-0001",
      "Exempelkommunen, Box 2, 123 45 Exempelstad",
      new DataController.Dpo("Dataskyddsombudet Åsa Öberg", "dso@exempel.example", "010-123 45 00"));

  static final Instant DISCOVERED = Instant.parse("2026-11-20T09:30:00Z");
  static final Instant DEADLINE = Instant.parse("2026-11-23T09:30:00Z");

  private Samples() {}

  static RiskAssessment assessment() {
    return new RiskAssessment(new BigDecimal("3.5"), Severity.HIGH, RiskLevel.HIGH_RISK, true, true,
        List.of("Socialtjänstuppgifter: skada presumeras.", "Allvarlighetsgrad ≥ 3 → hög risk."));
  }

  static IncidentReport report(String description) {
    return new IncidentReport(description, Cause.MISDIRECTED_POST, Instant.parse("2026-11-19T08:00:00Z"),
        DISCOVERED, Set.of(BreachType.CONFIDENTIALITY), Set.of(DataCategory.SOCIAL_SERVICES,
            DataCategory.PERSONAL_ID_NUMBER), 12, true, Recipient.EXTERNAL, false, "Posthanteraren AB", null,
        "Mottagaren ombedd att återsända brevet.", Instant.parse("2026-11-19T09:00:00Z"), 40,
        Set.of(DataSubjectGroup.SOCIAL_SERVICES_CLIENTS, DataSubjectGroup.GUARDIANS),
        "Kuverten adresseras ur verksamhetssystemet; utskick kontrolleras stickprovsvis.", false);
  }

  static RiskFacts facts() {
    return new RiskFacts(Set.of(BreachType.CONFIDENTIALITY), Cause.MISDIRECTED_POST,
        Set.of(DataCategory.SOCIAL_SERVICES), 12, true, false, Identifiability.MAXIMUM,
        ConfidentialityLoss.KNOWN_RECIPIENTS, IntegrityLoss.NONE, AvailabilityLoss.NONE, false, false, false);
  }

  /** Every part filled: notified (preliminary) after the deadline, data subjects informed, supplemented, closed. */
  static Incident full() {
    return Incident.builder()
        .number("PUI-2026-0042")
        .controllerId("sn")
        .status(IncidentStatus.CLOSED)
        .reported("reporter", Instant.parse("2026-11-20T10:00:00Z"))
        .authorityDeadline(DEADLINE)
        .report(report("Beslut om bistånd skickades till fel adress. Åtgärd: ÄÖÅé."))
        .facts(facts())
        .preliminaryAssessment(assessment())
        .finalAssessment(assessment())
        .dpoAdvice(new DpoAdvice(false, true, true, "Hög risk: socialtjänstuppgifter.", "dpo",
            Instant.parse("2026-11-21T10:00:00Z")))
        .decision(new Decision(false, true, true, false, null, "decider", Instant.parse("2026-11-22T10:00:00Z")))
        .imy(new ImyNotification("IMY-2026-9876", Instant.parse("2026-11-24T08:00:00Z"), ImyReportType.PRELIMINARY,
            "dpo", "Beslutet fattades av nämnden vid dess nästa sammanträde.", "Socialförvaltningen, Box 9, 123 45 Exempelstad",
            Instant.parse("2026-11-26T08:00:00Z"),
            Instant.parse("2026-11-27T08:00:00Z"), SupplementKind.COMPLEMENT, "Antalet berörda är fastställt."))
        .dataSubjects(new DataSubjectsOutcome(DataSubjectCommunication.INFORMED,
            Instant.parse("2026-11-25T08:00:00Z"), "Brev till varje berörd", null))
        .followUp(new FollowUp("Kuvertering med dubbelkontroll.", "Kontrollera adressen före utskick.",
            Instant.parse("2026-11-30T08:00:00Z"), "coordinator"))
        .secrecyMarking("Uppgifterna om de enskilda biståndsbesluten omfattas av sekretess enligt 26 kap. 1 § OSL.")
        .build();
  }

  static DocumentData data(Incident incident, boolean late) {
    People.Person dpo = new People.Person("dpo", "Åsa Öberg", "dso@exempel.example");
    return new DocumentData(incident, SOCIALNAMNDEN, late, null, dpo, DocumentData.ContactRole.DPO,
        Map.of("dpo", dpo, "decider", new People.Person("decider", "Bo Beslutsfattare", null)), List.of(),
        Instant.parse("2026-11-24T08:00:00Z"), null);
  }
}
