package se.breachflow.document;

import static se.breachflow.document.Swedish.NOT_STATED;
import static se.breachflow.document.Swedish.text;
import static se.breachflow.document.Swedish.time;
import static se.breachflow.document.Swedish.yesNo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.incident.DataSubjectsOutcome;
import se.breachflow.incident.Decision;
import se.breachflow.incident.FollowUp;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;

/**
 * The internal incident report (Art. 33(5)): the facts, the assessments, the decisions with who made them
 * and when, the timeline from the process history, the measures and the lessons learned.
 */
final class IncidentReportContent {

  private IncidentReportContent() {}

  static List<String> subtitle(DocumentData data) {
    Incident incident = data.incident();
    return List.of("Personuppgiftsansvarig: " + data.controller().name(),
        "Incident " + incident.number() + " – " + incident.status().label(),
        "Intern dokumentation enligt artikel 33.5 dataskyddsförordningen.");
  }

  static List<Section> report(DocumentData data) {
    Incident incident = data.incident();
    IncidentReport report = incident.report();
    List<Section> sections = new ArrayList<>();

    Section.Builder facts = Section.titled("Incidenten")
        .field("Incidentnummer", incident.number())
        .field("Personuppgiftsansvarig", data.controller().name())
        .field("Status", incident.status().label())
        .field("Rapporterad", time(incident.reportedAt()) + " av " + incident.reporterId())
        .field("Inträffade", time(report.occurredAt()))
        .field("Upptäcktes", time(report.discoveredAt()))
        .field("Frist för anmälan till IMY", time(incident.authorityDeadline()))
        .field("Orsak", report.cause().label())
        .field("Typ av incident", Swedish.labels(report.breachTypes()));
    if (report.cause().isMisdirectedMessage()) {
      facts.field("Mottagare", Swedish.label(report.recipient()))
          .field("Mottagaren har bekräftat radering", yesNo(report.recipientConfirmedDeletion()));
    }
    sections.add(facts
        .field("Personuppgiftsbiträde", report.processor() == null ? "Inget" : report.processor())
        .field("Beskrivning", report.description())
        .build());

    sections.add(Section.titled("Personuppgifter och berörda")
        .field("Typer av personuppgifter", Swedish.labels(report.dataCategories()))
        .field("Ungefärligt antal berörda personer", String.valueOf(report.dataSubjectCount()))
        .field("Barn eller andra sårbara personer berörs", yesNo(report.vulnerableSubjects()))
        .field("Sannolika konsekvenser", Swedish.lines(Swedish.consequences(report)))
        .build());

    Section.Builder assessment = Section.titled("Riskbedömning");
    RiskFacts riskFacts = incident.facts();
    if (riskFacts != null) {
      assessment.field("Uppgifterna var offentliga före incidenten", yesNo(riskFacts.publiclyAvailable()))
          .field("Uppsåt (avsiktligt angrepp)", yesNo(riskFacts.maliciousIntent()))
          .field("Uppgifterna var oläsliga för obehöriga", yesNo(riskFacts.unintelligible()));
    }
    assessment(assessment, "Preliminär riskbedömning", incident.preliminaryAssessment());
    assessment(assessment, "Riskbedömning efter utredning", incident.finalAssessment());
    sections.add(assessment.build());

    Decision decision = incident.decision();
    Section.Builder decided = Section.titled("Dataskyddsombudets beslut");
    if (decision == null) {
      decided.field("Beslut", "Inget beslut har fattats ännu.");
    } else {
      decided.field("Beslutat av", who(data, decision.decidedBy()))
          .field("Beslutat", time(decision.decidedAt()))
          .field("Är en personuppgiftsincident", yesNo(!decision.notABreach()))
          .field("Anmälan till IMY", yesNo(decision.notifyImy()))
          .field("Information till de registrerade", yesNo(decision.informDataSubjects()))
          .field("Motivering", text(decision.justification()));
    }
    sections.add(decided.build());

    ImyNotification imy = incident.imy();
    Section.Builder notified = Section.titled("Anmälan till IMY");
    if (imy == null) {
      notified.field("Anmäld", "Nej");
    } else {
      notified.field("IMY:s diarienummer", imy.caseNumber())
          .field("Skickad", time(imy.submittedAt()))
          .field("Registrerad av", who(data, imy.recordedBy()))
          .field("Omfattning", Swedish.reportType(imy.reportType()))
          .field("Komplettering skickad", imy.supplementSubmittedAt() == null ? "Nej" : time(imy.supplementSubmittedAt()))
          .field("Kompletteringens innehåll", text(imy.supplementText()));
    }
    if (data.late()) {
      notified.field("Anmälan gjordes eller görs efter fristen på 72 timmar", "Ja")
          .field("Skäl till förseningen", text(data.lateReason()));
    }
    sections.add(notified.build());

    DataSubjectsOutcome outcome = incident.dataSubjects();
    Section.Builder informed = Section.titled("Information till de registrerade");
    if (outcome == null) {
      informed.field("Informerade", "Nej");
    } else {
      informed.field("Utfall", Swedish.label(outcome.communication()))
          .field("När", time(outcome.informedAt()))
          .field("Hur", text(outcome.how()))
          .field("Skäl att inte informera", text(outcome.notInformedReason()));
    }
    sections.add(informed.build());

    FollowUp followUp = incident.followUp();
    sections.add(Section.titled("Åtgärder")
        .field("Åtgärder som vidtogs direkt", text(report.measuresTaken()))
        .field("Åtgärder efter incidenten", followUp == null ? NOT_STATED : text(followUp.remedialActions()))
        .build());
    sections.add(Section.titled("Lärdomar")
        .field("Lärdomar", followUp == null ? NOT_STATED : text(followUp.lessonsLearned()))
        .build());
    sections.add(Section.titled("Avslut")
        .field("Avslutad", followUp == null || followUp.closedAt() == null ? "Nej" : time(followUp.closedAt()))
        .field("Avslutad av", followUp == null || followUp.closedBy() == null ? NOT_STATED
            : who(data, followUp.closedBy()))
        .build());

    Section.Builder timeline = Section.titled("Händelseförlopp");
    if (data.timeline().isEmpty()) {
      timeline.paragraph("Processens historik saknas.");
    }
    for (DocumentData.TimelineEntry entry : data.timeline()) {
      String done = entry.cancelled() ? "avbröts " + time(entry.ended())
          : entry.ended() == null ? "pågår" : "klar " + time(entry.ended());
      timeline.field(time(entry.started()) + " – " + entry.activity(),
          "Av: " + (entry.who() == null ? "ingen tilldelad" : entry.who()) + "; " + done);
    }
    sections.add(timeline.build());
    return sections;
  }

  private static void assessment(Section.Builder section, String title, RiskAssessment assessment) {
    if (assessment == null) {
      return;
    }
    section.field(title, "Allvarlighetsgrad (ENISA) " + assessment.scoreText() + " – "
        + assessment.severity().label().toLowerCase(Locale.ROOT) + "; risknivå: "
        + assessment.riskLevel().label().toLowerCase(Locale.ROOT) + "\nRekommendation: "
        + assessment.recommendation() + "\nSkäl:\n" + String.join("\n", assessment.reasons()));
  }

  private static String who(DocumentData data, String userId) {
    if (userId == null) {
      return NOT_STATED;
    }
    if (data.contactPerson() != null && userId.equals(data.contactPerson().id())
        && data.contactPerson().name() != null) {
      return data.contactPerson().name() + " (" + userId + ")";
    }
    return userId;
  }
}
