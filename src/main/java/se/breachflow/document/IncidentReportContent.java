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
import se.breachflow.incident.DpoAdvice;
import se.breachflow.incident.FollowUp;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.ImyOrder;
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
        .field("Rapporterad", time(incident.reportedAt()) + " av " + data.who(incident.reporterId()))
        .field("Inträffade", time(report.occurredAt()))
        .field("Upphörde", report.endedAt() == null ? ImyNotificationContent.ONGOING : time(report.endedAt()))
        .field("Upptäcktes", time(report.discoveredAt()))
        .field("Den personuppgiftsansvarige fick kännedom", time(report.awareAt()))
        .field("Frist för anmälan till IMY (72 timmar från kännedom)", time(incident.authorityDeadline()))
        .field("Orsak", report.cause().label())
        .field("Typ av incident", Swedish.labels(report.breachTypes()));
    if (report.cause().isMisdirectedMessage()) {
      facts.field("Mottagare", Swedish.label(report.recipient()))
          .field("Mottagaren har bekräftat radering", yesNo(report.recipientConfirmedDeletion()));
    }
    sections.add(facts
        .field("Personuppgiftsbiträde", report.processor() == null ? "Inget" : report.processor())
        .field("Beskrivning", report.description())
        .field("Säkerhetsåtgärder före incidenten", text(report.securityMeasuresBefore()))
        .build());

    sections.add(Section.titled("Personuppgifter och berörda")
        .field("Typer av personuppgifter", Swedish.labels(report.dataCategories()))
        .field("Ungefärligt antal berörda personer", String.valueOf(report.dataSubjectCount()))
        .field("Ungefärligt antal personuppgiftsposter", report.recordCount() == null ? NOT_STATED
            : String.valueOf(report.recordCount()))
        .field("Grupper av registrerade", report.dataSubjectGroups().isEmpty() ? NOT_STATED
            : Swedish.labels(report.dataSubjectGroups()))
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

    sections.add(advice(data));
    sections.add(decision(data));

    ImyNotification imy = incident.imy();
    Section.Builder notified = Section.titled("Anmälan till IMY");
    if (imy == null) {
      notified.field("Anmäld", "Nej");
    } else {
      notified.field("IMY:s diarienummer", imy.caseNumber())
          .field("Skickad", time(imy.submittedAt()))
          .field("Registrerad av", data.who(imy.recordedBy()))
          .field("Omfattning", Swedish.reportType(imy.reportType()))
          .field("Adress där IMY kontaktar oss", text(imy.contactAddress()))
          .field("Planerad tidpunkt för information till de registrerade", time(imy.dataSubjectsPlannedAt()))
          .field("Komplettering skickad", imy.supplementSubmittedAt() == null ? "Nej" : time(imy.supplementSubmittedAt()))
          .field("Typ av komplettering", Swedish.label(imy.supplementKind()))
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
    ImyOrder order = incident.imyOrder();
    if (order != null) {
      informed.field("IMY:s föreläggande att informera (artikel 34.4) mottaget", time(order.receivedAt()))
          .field("Föreläggandets frist", time(order.deadline()))
          .field("Föreläggandet registrerat av", data.who(order.recordedBy()));
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
            : data.who(followUp.closedBy()))
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

  /** The DPO's advice (Art. 39(1)(a)): what the DPO advised, whether it agrees with the rules, why, and who. */
  private static Section advice(DocumentData data) {
    Incident incident = data.incident();
    DpoAdvice advice = incident.dpoAdvice();
    Section.Builder section = Section.titled("Dataskyddsombudets bedömning");
    if (advice == null) {
      return section.field("Bedömning", incident.decision() != null
          ? "Ingen separat bedömning: ärendet avgjordes enligt processens version 1, där dataskyddsombudet beslutade."
          : "Dataskyddsombudet har inte lämnat någon bedömning ännu.").build();
    }
    RiskAssessment rules = incident.latestAssessment();
    return section.field("Bedömning lämnad av", data.who(advice.advisedBy()))
        .field("Bedömning lämnad", time(advice.advisedAt()))
        .field("Instämmer i reglernas rekommendation", rules == null ? "Ingen rekommendation att jämföra med"
            : advice.departsFrom(rules) ? "Nej (reglerna: " + rules.recommendation() + ")"
                : "Ja (" + rules.recommendation() + ")")
        .field("Är en personuppgiftsincident", yesNo(!advice.notABreach()))
        .field("Råd: anmälan till IMY", advice.notABreach() ? "Nej" : yesNo(advice.notifyImy()))
        .field("Råd: information till de registrerade", advice.notABreach() ? "Nej"
            : yesNo(advice.informDataSubjects()))
        .field("Skäl", text(advice.reasons()))
        .build();
  }

  /** The controller's decision (Art. 33, 34): who decided, what, whether urgently, and the justification. */
  private static Section decision(DocumentData data) {
    Incident incident = data.incident();
    Decision decision = incident.decision();
    Section.Builder section = Section.titled("Den personuppgiftsansvariges beslut");
    if (decision == null) {
      return section.field("Beslut", "Inget beslut har fattats ännu.").build();
    }
    DpoAdvice advice = incident.dpoAdvice();
    section.field("Beslutat av", data.who(decision.decidedBy()))
        .field("Beslutat", time(decision.decidedAt()))
        .field("Är en personuppgiftsincident", yesNo(!decision.notABreach()))
        .field("Anmälan till IMY", yesNo(decision.notifyImy()))
        .field("Information till de registrerade", yesNo(decision.informDataSubjects()))
        .field("Informeras skyndsamt, före eller samtidigt med anmälan", yesNo(decision.informUrgently()));
    if (advice != null) {
      boolean departs = advice.notABreach() != decision.notABreach() || (!decision.notABreach()
          && (advice.notifyImy() != decision.notifyImy() || advice.informDataSubjects() != decision.informDataSubjects()));
      section.field("Följer dataskyddsombudets bedömning", yesNo(!departs));
    }
    return section.field("Motivering", text(decision.justification())).build();
  }

}
