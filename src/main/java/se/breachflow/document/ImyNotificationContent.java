package se.breachflow.document;

import static se.breachflow.document.Swedish.NOT_STATED;
import static se.breachflow.document.Swedish.text;
import static se.breachflow.document.Swedish.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.RiskAssessment;
import se.breachflow.incident.DataSubjectsOutcome;
import se.breachflow.incident.Decision;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.organisation.DataController;

/**
 * The IMY notification (Underlag för anmälan av personuppgiftsincident): one section per part of IMY's
 * e-service, in its order, each field labelled as the e-service asks, so the DPO can copy field by field.
 * The supplement (komplettering) carries only the fields that changed since the last report.
 */
final class ImyNotificationContent {

  static final String CONTROLLER = "1. Personuppgiftsansvarig";
  static final String CONTACT = "2. Kontaktperson och dataskyddsombud";
  static final String INCIDENT = "3. Om incidenten";
  static final String PERSONAL_DATA = "4. Personuppgifter och registrerade som berörs";
  static final String CONSEQUENCES = "5. Sannolika konsekvenser";
  static final String SEVERITY = "6. Bedömning av allvarlighetsgrad";
  static final String MEASURES = "7. Åtgärder";
  static final String DATA_SUBJECTS = "8. Information till de registrerade";
  static final String COMPLETENESS = "9. Anmälans omfattning";
  static final String DELAY = "10. Skäl till försening";
  static final String SECRECY = "11. Sekretess";

  private ImyNotificationContent() {}

  static List<String> subtitle(DocumentData data, boolean supplement) {
    List<String> lines = new ArrayList<>();
    lines.add("Personuppgiftsansvarig: " + data.controller().name() + " – vårt referensnummer "
        + data.incident().number());
    ImyNotification imy = data.incident().imy();
    if (imy != null) {
      lines.add("Anmäld till IMY " + time(imy.submittedAt()) + ", IMY:s diarienummer " + imy.caseNumber());
    }
    lines.add(supplement
        ? "Innehåller bara det som är nytt eller ändrat sedan den senaste rapporten till IMY."
        : "Fälten följer IMY:s e-tjänst för anmälan av personuppgiftsincidenter, i samma ordning.");
    return lines;
  }

  /** Every part of the notification, from what is known so far. */
  static List<Section> notification(DocumentData data) {
    Incident incident = data.incident();
    IncidentReport report = incident.report();
    DataController controller = data.controller();
    ImyNotification imy = incident.imy();
    List<Section> sections = new ArrayList<>();

    sections.add(Section.titled(CONTROLLER)
        .field("Personuppgiftsansvarigs namn", controller.name())
        .field("Organisationsnummer", text(controller.organisationNumber()))
        .field("Postadress", text(controller.postalAddress()))
        .field("Ert eget referensnummer", incident.number())
        .field("IMY:s diarienummer", imy == null ? "Ännu inte anmäld" : imy.caseNumber())
        .build());

    DataController.Dpo dpo = controller.dpo();
    sections.add(Section.titled(CONTACT)
        .field("Kontaktperson för anmälan", data.contactPerson() == null ? NOT_STATED
            : data.contactPerson().display())
        .field("Dataskyddsombudets namn", dpo == null ? NOT_STATED : text(dpo.name()))
        .field("Dataskyddsombudets e-postadress", dpo == null ? NOT_STATED : text(dpo.email()))
        .field("Dataskyddsombudets telefonnummer", dpo == null ? NOT_STATED : text(dpo.phone()))
        .build());

    String cause = report.cause().label();
    if (report.cause().isMisdirectedMessage() && report.recipient() != null) {
      cause += "\n" + Swedish.label(report.recipient())
          + (report.recipientConfirmedDeletion() ? "; mottagaren har bekräftat att uppgifterna raderats." : ".");
    }
    if (report.processor() != null) {
      cause += "\nIncidenten inträffade hos personuppgiftsbiträdet " + report.processor() + ".";
    }
    sections.add(Section.titled(INCIDENT)
        .field("När inträffade incidenten?", time(report.occurredAt()))
        .field("När upphörde incidenten?", NOT_STATED)
        .field("När upptäcktes incidenten?", time(report.discoveredAt()))
        .field("Hur upptäcktes incidenten?", report.processor() != null
            ? "Personuppgiftsbiträdet underrättade oss. Rapporterad i kommunens incidentrutin "
                + time(incident.reportedAt()) + "."
            : "Upptäcktes i verksamheten och rapporterades i kommunens incidentrutin "
                + time(incident.reportedAt()) + ".")
        .field("Beskriv vad som har hänt", report.description())
        .field("Vad orsakade incidenten?", cause)
        .field("Vilken typ av incident är det?", Swedish.labels(report.breachTypes()))
        .build());

    sections.add(Section.titled(PERSONAL_DATA)
        .field("Vilka typer av personuppgifter berörs?", Swedish.labels(report.dataCategories()))
        .field("Berörs känsliga personuppgifter eller andra särskilt skyddsvärda uppgifter?",
            Swedish.specialCategories(report.dataCategories()))
        .field("Ungefärligt antal berörda personer (registrerade)", String.valueOf(report.dataSubjectCount()))
        .field("Ungefärligt antal personuppgiftsposter", NOT_STATED)
        .field("Vilka grupper av personer berörs?", report.vulnerableSubjects()
            ? "Barn eller andra sårbara personer berörs."
            : "Inga barn eller andra sårbara personer har angetts.")
        .build());

    sections.add(Section.titled(CONSEQUENCES)
        .field("Vilka konsekvenser kan incidenten sannolikt få för de registrerade?",
            Swedish.lines(Swedish.consequences(report)))
        .build());

    RiskAssessment assessment = incident.latestAssessment();
    Section.Builder severity = Section.titled(SEVERITY);
    if (assessment == null) {
      severity.field("Allvarlighetsgrad", NOT_STATED);
    } else {
      severity
          .field("Bedömning", incident.finalAssessment() != null ? "Riskbedömning efter utredning"
              : "Preliminär riskbedömning")
          .field("Allvarlighetsgrad enligt ENISA:s metod (poäng)", assessment.scoreText())
          .field("Allvarlighetsnivå", Swedish.label(assessment.severity()))
          .field("Risknivå för de registrerade", Swedish.label(assessment.riskLevel()))
          .field("Skäl för bedömningen", String.join("\n", assessment.reasons()));
    }
    sections.add(severity.build());

    sections.add(Section.titled(MEASURES)
        .field("Vilka åtgärder har vidtagits?", text(report.measuresTaken()))
        .field("Vilka åtgärder planeras?", incident.followUp() == null ? NOT_STATED
            : text(incident.followUp().remedialActions()))
        .build());

    sections.add(dataSubjects(incident));

    sections.add(Section.titled(COMPLETENESS)
        .field("Är anmälan fullständig eller kommer den att kompletteras?",
            Swedish.reportType(imy == null ? null : imy.reportType()))
        .field("När skickades anmälan till IMY?", imy == null ? "Ännu inte skickad" : time(imy.submittedAt()))
        .build());

    if (data.late() || data.lateReason() != null) {
      sections.add(Section.titled(DELAY)
          .field("Fristen på 72 timmar från upptäckten gick ut", time(incident.authorityDeadline()))
          .field("Skäl till att anmälan görs senare än 72 timmar efter upptäckten", data.lateReason() != null
              ? data.lateReason()
              : "Ej angivet. En anmälan som görs efter fristen ska innehålla skälen till förseningen "
                  + "(artikel 33.1).")
          .build());
    }

    sections.add(Section.titled(SECRECY)
        .field("Uppgifter i anmälan som bör omfattas av sekretess", incident.secrecyMarking() != null
            ? incident.secrecyMarking()
            : secrecyHint(report))
        .build());
    return sections;
  }

  private static Section dataSubjects(Incident incident) {
    Section.Builder section = Section.titled(DATA_SUBJECTS);
    DataSubjectsOutcome outcome = incident.dataSubjects();
    Decision decision = incident.decision();
    if (outcome != null) {
      section.field("Har de registrerade informerats?", Swedish.label(outcome.communication()));
      if (outcome.informedAt() != null) {
        section.field("När informerades de registrerade?", time(outcome.informedAt()));
      }
      if (outcome.how() != null) {
        section.field("Hur informerades de registrerade?", outcome.how());
      }
      if (outcome.notInformedReason() != null) {
        section.field("Varför informeras inte de registrerade?", outcome.notInformedReason());
      }
    } else if (decision != null && decision.informDataSubjects()) {
      section.field("Har de registrerade informerats?", "Nej, inte ännu. De registrerade kommer att informeras.");
    } else if (decision != null) {
      section.field("Har de registrerade informerats?", "Nej")
          .field("Varför informeras inte de registrerade?", decision.justification() != null
              ? decision.justification()
              : "Incidenten bedöms inte medföra en hög risk för de registrerades rättigheter och friheter.");
    } else {
      section.field("Har de registrerade informerats?", "Nej, inte ännu. Frågan är inte avgjord.");
    }
    return section.build();
  }

  private static String secrecyHint(IncidentReport report) {
    boolean sensitive = report.dataCategories().stream().anyMatch(category -> category == DataCategory.HEALTH
        || category == DataCategory.SOCIAL_SERVICES || category == DataCategory.PROTECTED_IDENTITY
        || category == DataCategory.SPECIAL_CATEGORY || category == DataCategory.CRIMINAL_OFFENCE);
    String hint = "Fylls i av dataskyddsombudet. Allt som skickas till IMY blir allmänna handlingar; ange vilka "
        + "uppgifter som bör omfattas av sekretess och varför.";
    return sensitive
        ? hint + " Incidenten berör uppgifter som kan omfattas av sekretess enligt offentlighets- och "
            + "sekretesslagen (t.ex. hälsa, socialtjänst eller skyddade personuppgifter)."
        : hint;
  }

  /**
   * The supplement: what identifies the notification, what the supplement is about, and every field whose
   * value differs from the last report ({@code previous}, the notification's sections as filed).
   */
  static List<Section> supplement(DocumentData data, List<Section> previous) {
    Incident incident = data.incident();
    ImyNotification imy = incident.imy();
    List<Section> sections = new ArrayList<>();
    sections.add(Section.titled("Komplettering av anmälan")
        .field("Personuppgiftsansvarigs namn", data.controller().name())
        .field("Organisationsnummer", text(data.controller().organisationNumber()))
        .field("Ert eget referensnummer", incident.number())
        .field("IMY:s diarienummer", imy == null ? NOT_STATED : imy.caseNumber())
        .field("När skickades den ursprungliga anmälan?", imy == null ? NOT_STATED : time(imy.submittedAt()))
        .field("När skickades kompletteringen?", imy == null || imy.supplementSubmittedAt() == null
            ? "Ännu inte skickad" : time(imy.supplementSubmittedAt()))
        .field("Typ av komplettering", imy == null ? NOT_STATED : Swedish.label(imy.supplementKind()))
        .field("Vad kompletteringen gäller", imy == null ? NOT_STATED : text(imy.supplementText()))
        .build());
    List<Section> changes = changes(previous, notification(data));
    if (changes.isEmpty()) {
      sections.add(Section.titled("Ändrade och nya uppgifter")
          .paragraph("Inga uppgifter i underlaget har ändrats sedan den senaste rapporten till IMY.")
          .build());
    } else {
      sections.addAll(changes);
    }
    return sections;
  }

  /** The fields of {@code current} that are new or whose value differs from {@code previous}, by section. */
  static List<Section> changes(List<Section> previous, List<Section> current) {
    Map<String, String> before = previous.stream()
        .flatMap(section -> section.fields().stream().map(field -> Map.entry(key(section, field), field)))
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> Objects.toString(entry.getValue().value(), ""),
            (first, second) -> first));
    List<Section> changed = new ArrayList<>();
    for (Section section : current) {
      List<Section.Field> fields = section.fields().stream()
          .filter(field -> !Objects.toString(field.value(), "").equals(before.get(key(section, field))))
          .toList();
      if (!fields.isEmpty()) {
        changed.add(new Section(section.title(), fields));
      }
    }
    return changed;
  }

  private static String key(Section section, Section.Field field) {
    return section.title() + "\u0000" + field.label();
  }
}
