package se.breachflow.document;

import static se.breachflow.document.Swedish.NOT_STATED;
import static se.breachflow.document.Swedish.text;
import static se.breachflow.document.Swedish.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.RiskAssessment;
import se.breachflow.incident.DataSubjectsOutcome;
import se.breachflow.incident.Decision;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.ImyOrder;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.organisation.DataController;

/**
 * The IMY notification (Underlag för anmälan av personuppgiftsincident) to Integritetsskyddsmyndigheten: the
 * questions of IMY's e-service "Anmäl personuppgiftsincident" in its order, so the person filing can copy field
 * by field. A question whose wording was read on the e-service carries IMY's number and words exactly (e.g.
 * "13. När upphörde incidenten?"); the others are breachflow's own wording, without a number, so that no one
 * takes them for IMY's (which is which, with the sources: docs/imy-notification.md). The parts are numbered
 * "Del 1", "Del 2" … without gaps, so that they do not collide with IMY's question numbers; the part on the
 * delay is there only when the notification is late. The supplement (komplettering) carries only the fields
 * that changed since the last report.
 */
final class ImyNotificationContent {

  // The parts, in the e-service's order (numbered when the document is made: see numbered()).
  static final String CONTROLLER = "Personuppgiftsansvarig";
  static final String CONTACT = "Kontaktuppgifter";
  static final String INCIDENT = "Om incidenten";
  static final String PERSONAL_DATA = "Registrerade och personuppgifter";
  static final String CONSEQUENCES = "Konsekvenser";
  static final String SEVERITY = "Allvarlighetsgrad";
  static final String MEASURES = "Åtgärder";
  static final String DATA_SUBJECTS = "Information till de registrerade";
  static final String ABOUT = "Om anmälan";
  static final String DELAY = "Försenad anmälan";
  static final String SECRECY = "Sekretess";

  // IMY's own questions, number and words as read on https://e-tjanster.imy.se/sv/anmalan.
  static final String Q3_POSTAL_ADDRESS = "3. Organisationens postadress";
  static final String Q9_CONTACT_ADDRESS = "9. Den adress ni önskar bli kontaktad på";
  static final String Q13_ENDED = "13. När upphörde incidenten?";
  static final String Q25_GROUPS = "25. Vilka grupper tillhör de registrerade?";
  static final String Q26_DATA = "26. Vilken sorts personuppgifter har incidenten drabbat?";
  static final String Q28_CONSEQUENCES = "28. Vad kan bli konsekvenserna av incidenten?";
  static final String Q30_ACTIONS = "30. Hur har ni agerat efter incidenten?";
  static final String Q32_INFORMED_AT = "32. När informerade ni de registrerade?";
  static final String Q34_PLANNED_AT = "34. När kommer ni att informera de registrerade?";
  static final String Q35_NOT_INFORMED = "35. Varför kommer ni inte att informera de registrerade?";

  // breachflow's own labels for what IMY asks in words that could not be read (docs/imy-notification.md).
  static final String SUBJECT_COUNT = "Ungefärligt antal berörda personer (registrerade)";
  static final String RECORD_COUNT = "Ungefärligt antal personuppgiftsposter";
  static final String SECURITY_BEFORE = "Vilka säkerhetsåtgärder fanns innan incidenten inträffade?";
  static final String AWARE_AT = "När fick ni kännedom om incidenten?";
  static final String DEADLINE = "Fristen på 72 timmar från att ni fick kännedom om incidenten gick ut";
  static final String LATE_REASON = "Skäl till förseningen";
  static final String SUPPLEMENT_KIND = "Typ av komplettering";
  static final String THIRD_COUNTRY = "Har personuppgifterna förts över till eller blivit åtkomliga i ett land utanför EU/EES?";
  static final String SUPPLIER_INCIDENT = "Leverantörsincident";
  static final String OTHER_CONTROLLERS = "Andra personuppgiftsansvariga i kommunen som berörs av samma incident hos "
      + "leverantören";

  /** What an incident that has not ended shows as its end (IMY question 13). */
  static final String ONGOING = "Pågår";

  private ImyNotificationContent() {}

  static List<String> subtitle(DocumentData data, boolean supplement) {
    List<String> lines = new ArrayList<>();
    lines.add("Till Integritetsskyddsmyndigheten (IMY), e-tjänsten Anmäl personuppgiftsincident.");
    lines.add("Personuppgiftsansvarig: " + data.controller().name() + " – vårt referensnummer "
        + data.incident().number());
    ImyNotification imy = data.incident().imy();
    if (imy != null) {
      lines.add("Anmäld till IMY " + time(imy.submittedAt()) + ", IMY:s diarienummer " + imy.caseNumber());
    }
    lines.add(supplement
        ? "Innehåller bara det som är nytt eller ändrat sedan den senaste rapporten till IMY."
        : "Frågor med nummer är IMY:s egna, med e-tjänstens nummer och ordalydelse; övriga rubriker är "
            + "breachflows egna formuleringar av det e-tjänsten frågar efter.");
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
        .field(Q3_POSTAL_ADDRESS, text(controller.postalAddress()))
        .field("Ert referensnummer", incident.number())
        .field("IMY:s diarienummer", imy == null ? "Ännu inte anmäld" : imy.caseNumber())
        .build());

    DataController.Dpo dpo = controller.dpo();
    sections.add(Section.titled(CONTACT)
        .field("Kontaktperson för anmälan", contact(data))
        .field("Dataskyddsombudets namn", dpo == null ? NOT_STATED : text(dpo.name()))
        .field("Dataskyddsombudets e-postadress", dpo == null ? NOT_STATED : text(dpo.email()))
        .field("Dataskyddsombudets telefonnummer", dpo == null ? NOT_STATED : text(dpo.phone()))
        .field(Q9_CONTACT_ADDRESS, imy != null ? text(imy.contactAddress())
            : "Ej angivet ännu (förvalt är organisationens postadress: " + text(controller.postalAddress()) + ")")
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
        .field(Q13_ENDED, report.endedAt() == null ? ONGOING : time(report.endedAt()))
        .field("När upptäcktes incidenten?", time(report.discoveredAt()))
        .field(AWARE_AT, time(report.awareAt()) + (report.processor() != null && report.processorNotifiedAt() != null
            ? " (när personuppgiftsbiträdet underrättade oss)" : ""))
        .field("Hur upptäcktes incidenten?", report.processor() != null
            ? "Personuppgiftsbiträdet underrättade oss. Rapporterad i kommunens incidentrutin "
                + time(incident.reportedAt()) + "."
            : "Upptäcktes i verksamheten och rapporterades i kommunens incidentrutin "
                + time(incident.reportedAt()) + ".")
        .field("Beskriv vad som har hänt", report.description())
        .field("Vad orsakade incidenten?", cause)
        .field("Vilken typ av incident är det?", Swedish.labels(report.breachTypes()))
        .field(THIRD_COUNTRY, report.thirdCountry() ? "Ja" : "Nej, inte såvitt känt")
        .field(SECURITY_BEFORE, text(report.securityMeasuresBefore()))
        .build());
    if (data.supplier() != null) {
      sections.add(supplier(data.supplier()));
    }

    sections.add(Section.titled(PERSONAL_DATA)
        .field(Q25_GROUPS, groups(report))
        .field(Q26_DATA, Swedish.labels(report.dataCategories()))
        .field("Berörs känsliga personuppgifter eller andra särskilt skyddsvärda uppgifter?",
            Swedish.specialCategories(report.dataCategories()))
        .field(SUBJECT_COUNT, String.valueOf(report.dataSubjectCount()))
        .field(RECORD_COUNT, report.recordCount() == null ? NOT_STATED : String.valueOf(report.recordCount()))
        .build());

    sections.add(Section.titled(CONSEQUENCES)
        .field(Q28_CONSEQUENCES, Swedish.lines(Swedish.consequences(report)))
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
        .field(Q30_ACTIONS, actions(incident))
        .build());

    sections.add(dataSubjects(incident));

    Section.Builder about = Section.titled(ABOUT)
        .field("Är anmälan fullständig eller kommer den att kompletteras?",
            Swedish.reportType(imy == null ? null : imy.reportType()))
        .field("När skickades anmälan till IMY?", imy == null ? "Ännu inte skickad" : time(imy.submittedAt()));
    if (incident.dpoAdvice() != null) {
      about.field("Dataskyddsombudets bedömning lämnad av", data.who(incident.dpoAdvice().advisedBy()));
    }
    if (incident.decision() != null) {
      about.field("Beslut om anmälan fattat av", data.who(incident.decision().decidedBy()));
    }
    if (imy != null) {
      about.field("Anmälan gjord av", data.who(imy.recordedBy()));
    }
    sections.add(about.build());

    if (data.late()) {
      // Art. 33(1): only a notification later than 72 hours from awareness gives reasons for the delay.
      sections.add(Section.titled(DELAY)
          .field(DEADLINE, time(incident.authorityDeadline()))
          .field(LATE_REASON, data.lateReason() != null ? data.lateReason()
              : "Ej angivet. En anmälan som görs efter fristen ska innehålla skälen (artikel 33.1).")
          .build());
    }

    // Datainspektionen: what should be secret goes in the last free-text field of the form.
    sections.add(Section.titled(SECRECY)
        .field("Uppgifter i anmälan som bör omfattas av sekretess", incident.secrecyMarking() != null
            ? incident.secrecyMarking()
            : secrecyHint(report))
        .build());
    return numbered(sections);
  }

  /** The parts numbered in order, "Del 1: …", without gaps whichever parts there are. */
  static List<Section> numbered(List<Section> sections) {
    List<Section> out = new ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      out.add(new Section("Del " + (i + 1) + ": " + sections.get(i).title(), sections.get(i).fields()));
    }
    return out;
  }

  private static String contact(DocumentData data) {
    if (data.contactPerson() == null) {
      return NOT_STATED;
    }
    String role = data.contactRole() == null ? ""
        : data.contactRole() == DocumentData.ContactRole.DPO ? ", dataskyddsombud" : ", dataskyddssamordnare";
    return data.contactPerson().display() + role;
  }

  private static String groups(IncidentReport report) {
    String groups = Swedish.labels(report.dataSubjectGroups());
    String vulnerable = report.vulnerableSubjects() ? "Barn eller andra sårbara personer berörs." : null;
    if (groups.isEmpty()) {
      return vulnerable == null ? NOT_STATED : vulnerable;
    }
    return vulnerable == null ? groups : groups + "\n" + vulnerable;
  }

  /** IMY asks in one question what was done and what is intended (question 30). */
  private static String actions(Incident incident) {
    String taken = incident.report().measuresTaken();
    String planned = incident.followUp() == null ? null : incident.followUp().remedialActions();
    return "Vidtagna åtgärder: " + text(taken) + "\nPlanerade åtgärder: " + text(planned);
  }

  private static Section dataSubjects(Incident incident) {
    Section.Builder section = Section.titled(DATA_SUBJECTS);
    DataSubjectsOutcome outcome = incident.dataSubjects();
    Decision decision = incident.decision();
    ImyNotification imy = incident.imy();
    Instant planned = imy == null ? null : imy.dataSubjectsPlannedAt();
    if (outcome != null) {
      section.field("Har de registrerade informerats?", Swedish.label(outcome.communication()));
      if (outcome.informedAt() != null) {
        section.field(Q32_INFORMED_AT, time(outcome.informedAt()));
      }
      if (outcome.how() != null) {
        section.field("Hur informerades de registrerade?", outcome.how());
      }
      if (outcome.notInformedReason() != null) {
        section.field(Q35_NOT_INFORMED, outcome.notInformedReason());
      }
    } else if (decision != null && decision.informDataSubjects()) {
      section.field("Har de registrerade informerats?", decision.informUrgently()
          ? "Nej, inte ännu. Risken är brådskande: de registrerade informeras skyndsamt, före eller samtidigt "
              + "med anmälan."
          : "Nej, inte ännu. De registrerade kommer att informeras.");
      section.field(Q34_PLANNED_AT, time(planned));
    } else if (decision != null) {
      section.field("Har de registrerade informerats?", "Nej")
          .field(Q35_NOT_INFORMED, decision.justification() != null
              ? decision.justification()
              : "Incidenten bedöms inte medföra en hög risk för de registrerades rättigheter och friheter.");
    } else {
      section.field("Har de registrerade informerats?", "Nej, inte ännu. Frågan är inte avgjord.");
      if (planned != null) {
        section.field(Q34_PLANNED_AT, time(planned));
      }
    }
    ImyOrder order = incident.imyOrder();
    if (order != null) {
      section.field("IMY:s föreläggande att informera de registrerade (artikel 34.4)", "Mottaget "
          + time(order.receivedAt()) + "; de registrerade ska vara informerade senast " + time(order.deadline()) + ".");
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
        .field(SUPPLEMENT_KIND, imy == null ? NOT_STATED : Swedish.label(imy.supplementKind()))
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

  /**
   * A field by its part's name and its label; the part's number is left out, as it moves when the part on the
   * delay comes or goes.
   */
  private static String key(Section section, Section.Field field) {
    return PART_NUMBER.matcher(section.title()).replaceFirst("") + "\u0000" + field.label();
  }

  private static final Pattern PART_NUMBER = Pattern.compile("^(Del )?\\d+[.:] ");

  /** The supplier incident the case is one controller's part of, and the others' cases where they may be named. */
  private static Section supplier(DocumentData.SupplierLink link) {
    String supplier = link.number() + ": " + link.processor()
        + (link.processorOrganisationNumber() == null ? "" : " (organisationsnummer " + link.processorOrganisationNumber() + ")")
        + (link.systems() == null ? "" : ".\nBerörda system eller tjänster: " + link.systems());
    List<String> others = new java.util.ArrayList<>(link.otherCases());
    if (link.otherCasesNotNamed() > 0) {
      others.add(link.otherCasesNotNamed() == 1 ? "Ytterligare en nämnd eller ett bolag (ärendet redovisas inte här)."
          : "Ytterligare " + link.otherCasesNotNamed() + " nämnder eller bolag (ärendena redovisas inte här).");
    }
    return Section.titled("Incidenten hos leverantören")
        .paragraph("Incidenten har inträffat hos ett personuppgiftsbiträde och berör flera personuppgiftsansvariga i "
            + "kommunen. Var och en anmäler för egen del.")
        .field(SUPPLIER_INCIDENT, supplier)
        .field(OTHER_CONTROLLERS, others.isEmpty() ? "Inga" : String.join("\n", others))
        .build();
  }
}
