package se.breachflow.document;

import static se.breachflow.document.Swedish.NOT_STATED;
import static se.breachflow.document.Swedish.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.IntegrityLoss;
import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.document.EdpbTemplate.Option;
import se.breachflow.incident.DataSubjectCommunication;
import se.breachflow.incident.DataSubjectGroup;
import se.breachflow.incident.DataSubjectsOutcome;
import se.breachflow.incident.Decision;
import se.breachflow.incident.DpoAdvice;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.ImyOrder;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.incident.SupplementKind;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Times;

/**
 * The notification in the shape of the EDPB's draft common template (docs/edpb-notification.md): the same facts
 * as the IMY notification ({@link DocumentData}), each answer once, as a list of the template's rows. The JSON
 * export nests the rows by their keys (the template's sections as top-level keys); the PDF prints them under
 * the template's section headings with the template's row numbers. What breachflow does not hold is null in
 * the JSON and "Ej angivet" in the PDF, never guessed.
 */
final class EdpbNotificationContent {

  /** The template's top-level sections, in its order, with the JSON key and the Swedish heading. */
  enum Part {
    NOTIFICATION("notification", "1. Information om anmälan av personuppgiftsincidenten"),
    CONTROLLER("controllerAndReportingPerson", "2. Den personuppgiftsansvarige och den som anmäler"),
    INITIAL("initialInformation", "3. Inledande uppgifter om personuppgiftsincidenten"),
    FURTHER("furtherInformation", "4. Ytterligare uppgifter om personuppgiftsincidenten"),
    DATA_SUBJECTS("communicationToDataSubjects", "5. Information till de registrerade"),
    OTHER_ISSUES("otherIssues", "6. Övriga frågor"),
    ATTACHMENTS("attachments", "7. Bilagor"),
    NATIONAL("nationalExtensions", "Svenska tillägg (uppgifter som IMY:s e-tjänst frågar efter)");

    final String key;
    final String heading;

    Part(String key, String heading) {
      this.key = key;
      this.heading = heading;
    }
  }

  /**
   * One answer: where it goes in the JSON ({@code path}, dot-separated below the part's key), the template's row
   * (null for a Swedish extension), the Swedish label for the PDF, and the value. A row the template shows only
   * under a condition that does not hold ({@code shown} false) is null in the JSON and left out of the PDF.
   */
  record Row(Part part, String path, Integer row, String label, Object value, boolean shown) {}

  /** A subsection heading of the PDF (e.g. "3.1 …"), placed before the rows that follow it. */
  record Heading(Part part, String title) {}

  /** A JSON value with its own text for the PDF. */
  record Rendered(Object json, String text) {}

  private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME
      .withZone(Times.STOCKHOLM);

  private final DocumentData data;
  private final List<Object> items = new ArrayList<>();

  private EdpbNotificationContent(DocumentData data) {
    this.data = data;
  }

  /** The rows and subsection headings, in the template's order. */
  static List<Object> of(DocumentData data) {
    EdpbNotificationContent content = new EdpbNotificationContent(data);
    content.build();
    return List.copyOf(content.items);
  }

  /** The JSON export: the template's sections as top-level keys, nested as the rows' paths say. */
  static Map<String, Object> json(DocumentData data) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("templateVersion", EdpbTemplate.VERSION);
    root.put("incidentNumber", data.incident().number());
    root.put("generatedAt", OFFSET_TIME.format(data.generatedAt()));
    root.put("draft", data.incident().imy() == null);
    for (Part part : Part.values()) {
      root.put(part.key, new LinkedHashMap<String, Object>());
    }
    for (Object item : of(data)) {
      if (item instanceof Row row) {
        put(root, row.part().key + "." + row.path(), row.shown() ? jsonValue(row.value()) : null);
      }
    }
    return root;
  }

  /** The PDF's sections: one per part, subsection headings as paragraphs, each row labelled with its number. */
  static List<Section> sections(DocumentData data) {
    Map<Part, Section.Builder> parts = new LinkedHashMap<>();
    for (Part part : Part.values()) {
      parts.put(part, Section.titled(part.heading));
    }
    for (Object item : of(data)) {
      if (item instanceof Heading heading) {
        parts.get(heading.part()).paragraph(heading.title());
      } else if (item instanceof Row row && row.shown()) {
        parts.get(row.part()).field(row.row() == null ? row.label() : row.row() + ". " + row.label(),
            textValue(row.value()));
      }
    }
    return parts.values().stream().map(Section.Builder::build).toList();
  }

  static List<String> subtitle(DocumentData data) {
    return List.of("Personuppgiftsansvarig: " + data.controller().name() + " – vårt referensnummer "
            + data.incident().number(),
        "Följer EDPB:s utkast till gemensam mall för anmälan av personuppgiftsincidenter (version 1.0 för "
            + "offentligt samråd, juni 2026). Numren är mallens radnummer; mallens svar är översatta av breachflow.",
        "Samma uppgifter som underlaget för anmälan till Integritetsskyddsmyndigheten (IMY).");
  }

  // ---------------------------------------------------------------------------------------------------------

  private void build() {
    notification();
    controllerAndReportingPerson();
    initialInformation();
    furtherInformation();
    communicationToDataSubjects();
    otherIssues();
    attachments();
    nationalExtensions();
  }

  private void notification() {
    ImyNotification imy = data.incident().imy();
    boolean followUp = imy != null && imy.supplementSubmittedAt() != null;
    boolean withdraw = followUp && imy.supplementKind() == SupplementKind.NOT_A_BREACH;
    EdpbTemplate.NotificationSubType subType = withdraw ? EdpbTemplate.NotificationSubType.WITHDRAW
        // a supplement completes the notification (Art. 33(4)); before filing it is not known yet
        : followUp ? EdpbTemplate.NotificationSubType.COMPLETE
        : imy == null || imy.reportType() == null ? null
        : switch (imy.reportType()) {
          case COMPLETE -> EdpbTemplate.NotificationSubType.COMPLETE;
          case PRELIMINARY -> EdpbTemplate.NotificationSubType.INCOMPLETE;
        };
    heading(Part.NOTIFICATION, "1.1 Typ av anmälan");
    row(Part.NOTIFICATION, "typeOfNotification.type", 3, "Typ av anmälan",
        followUp ? EdpbTemplate.NotificationType.FOLLOW_UP : EdpbTemplate.NotificationType.NEW);
    row(Part.NOTIFICATION, "typeOfNotification.subType", 4, "Anmälans omfattning", subType);
    row(Part.NOTIFICATION, "typeOfNotification.withdrawalReason", 5, "Skäl till att en tidigare anmälan återkallas",
        withdraw ? imy.supplementText() : null, withdraw);
    row(Part.NOTIFICATION, "typeOfNotification.previousNotificationId", 6, "Den tidigare anmälans id (IMY:s diarienummer)",
        followUp ? imy.caseNumber() : null, followUp);
    row(Part.NOTIFICATION, "typeOfNotification.controllerReference", 7, "Den personuppgiftsansvariges referensnummer",
        data.incident().number());
  }

  private void controllerAndReportingPerson() {
    DataController controller = data.controller();
    Part part = Part.CONTROLLER;
    heading(part, "2.1 Om den personuppgiftsansvarige");
    row(part, "controller.identifierType", 10, "Typ av identifierare",
        controller.organisationNumber() == null ? null : EdpbTemplate.IdentifierType.ORGANISATION_NUMBER);
    row(part, "controller.identifier", 11, "Identifierare", controller.organisationNumber());
    row(part, "controller.name", 12, "Organisationens namn", controller.name());
    row(part, "controller.contactDetails.postalAddress", 13, "Kontaktuppgifter (postadress)",
        controller.postalAddress());
    EdpbTemplate.Sector sector = publicSector(controller) ? EdpbTemplate.Sector.PUBLIC : null;
    row(part, "controller.sector", 14, "Sektor", sector);
    row(part, "controller.organisationType", 15, "Typ av organisation (bara privat sektor)", null,
        sector != EdpbTemplate.Sector.PUBLIC);
    row(part, "controller.eeaRepresentative", 18, "Företrädare inom EES", null, false);

    heading(part, "2.2 Den som anmäler");
    String reporterId = data.incident().imy() == null ? null : data.incident().imy().recordedBy();
    var reporter = reporterId != null ? data.people().get(reporterId) : data.contactPerson();
    boolean dpo = data.contactRole() == DocumentData.ContactRole.DPO;
    row(part, "reportingPerson.name", 21, "Namn på den som anmäler",
        reporter == null ? null : reporter.name() == null ? reporter.id() : reporter.name());
    row(part, "reportingPerson.contactDetails.email", 22, "Kontaktuppgifter (e-post)",
        reporter == null ? null : reporter.email());
    row(part, "reportingPerson.function", 23, "Funktion", reporter == null || data.contactRole() == null ? null
        : dpo ? EdpbTemplate.ReportingFunction.DPO : EdpbTemplate.ReportingFunction.AUTHORISED_REPRESENTATIVE_OR_OTHER);
    row(part, "reportingPerson.functionDescription", 24, "Beskrivning av funktionen",
        data.contactRole() == DocumentData.ContactRole.COORDINATOR
            ? "Incidentsamordnare, anmäler på den personuppgiftsansvariges vägnar" : null,
        data.contactRole() == DocumentData.ContactRole.COORDINATOR);

    heading(part, "2.3 Dataskyddsombud eller annan kontaktpunkt");
    DataController.Dpo officer = controller.dpo();
    row(part, "dpoOrContactPoint.dpo.designated", 29, "Finns ett utsett dataskyddsombud?", officer != null);
    row(part, "dpoOrContactPoint.dpo.name", 30, "Dataskyddsombudets namn", officer == null ? null : officer.name());
    row(part, "dpoOrContactPoint.dpo.contactDetails.email", 31, "Dataskyddsombudets e-post",
        officer == null ? null : officer.email());
    row(part, "dpoOrContactPoint.dpo.contactDetails.phone", 31, "Dataskyddsombudets telefon",
        officer == null ? null : officer.phone());
    row(part, "dpoOrContactPoint.contactPoint.obtainedAt", 33, "Mer information om incidenten lämnas av",
        officer != null ? EdpbTemplate.ContactPoint.DPO : EdpbTemplate.ContactPoint.REPORTING_PERSON);

    heading(part, "2.4 Andra inblandade parter");
    String processor = data.incident().report().processor();
    row(part, "otherParties.involved", 38, "Är andra parter, t.ex. personuppgiftsbiträden, inblandade?",
        processor != null);
    List<Map<String, Object>> parties = processor == null ? List.of() : List.of(party(processor));
    row(part, "otherParties.parties", 40, "Inblandade parter", new Rendered(parties,
        processor == null ? "Inga" : EdpbTemplate.PartyQualification.PROCESSOR.swedish() + ": " + processor),
        processor != null);
  }

  private static Map<String, Object> party(String name) {
    Map<String, Object> party = new LinkedHashMap<>();
    party.put("qualification", EdpbTemplate.PartyQualification.PROCESSOR.name());
    party.put("name", name);
    party.put("contactDetails", null);
    return party;
  }

  private void initialInformation() {
    Incident incident = data.incident();
    IncidentReport report = incident.report();
    RiskFacts facts = incident.facts();
    Part part = Part.INITIAL;

    heading(part, "3.1 Datum och tid för incidenten och för upptäckten");
    row(part, "dateAndTime.occurrence", 44, "När inträffade incidenten?", occurrence(report));
    row(part, "dateAndTime.estimatedOnly", 45, "Bara uppskattade tidpunkter är möjliga", null);
    row(part, "dateAndTime.beganAt", 46, "När började incidenten?", report.occurredAt());
    row(part, "dateAndTime.endedAt", 47, "När upphörde incidenten?",
        report.endedAt() == null ? new Rendered(null, ImyNotificationContent.ONGOING) : report.endedAt());
    row(part, "dateAndTime.awareAt", 48, "När fick den personuppgiftsansvarige kännedom om incidenten?",
        report.awareAt());
    // The template shows the reasons only for a notification later than 72 hours from awareness.
    row(part, "dateAndTime.lateNotificationReason", 49, "Skäl till förseningen",
        data.late() ? text(data.lateReason()) : null, data.late());
    boolean byProcessor = report.processor() != null;
    row(part, "dateAndTime.discoveredBy", 50, "Hur upptäcktes incidenten?",
        byProcessor ? EdpbTemplate.DiscoveredBy.PROCESSOR : EdpbTemplate.DiscoveredBy.CONTROLLER);
    row(part, "dateAndTime.discoveryDescription", 51, "Närmare beskrivning av upptäckten", byProcessor
        ? "Personuppgiftsbiträdet " + report.processor() + " underrättade oss."
        : "Upptäcktes i verksamheten hos den personuppgiftsansvarige.");
    row(part, "dateAndTime.notifiedByOtherPartyOn", 52, "När underrättade den andra parten oss?",
        byProcessor ? date(report.processorNotifiedAt()) : null, byProcessor);
    row(part, "dateAndTime.timelineComments", 53, "Övrigt om tidsförloppet",
        "Rapporterad i den personuppgiftsansvariges incidentrutin " + Swedish.time(incident.reportedAt())
            + ". Frist för anmälan: " + Swedish.time(incident.authorityDeadline()) + ".");

    heading(part, "3.2 Incidentens art, omständigheter och sammanfattning");
    row(part, "natureOfBreach.nature", 55, "Typ av personuppgiftsincident", report.breachTypes().stream().sorted()
        .map(EdpbNotificationContent::nature).toList());
    boolean confidentiality = report.breachTypes().contains(BreachType.CONFIDENTIALITY);
    row(part, "natureOfBreach.confidentialityType", 56, "Typ av konfidentialitetsincident", null, confidentiality);
    row(part, "natureOfBreach.unintelligible", 57, "Var uppgifterna oläsliga för obehöriga?", facts == null ? null
        : facts.unintelligible() ? EdpbTemplate.Unintelligible.YES_PROTECTION_INTACT : EdpbTemplate.Unintelligible.NO,
        confidentiality);
    boolean integrity = report.breachTypes().contains(BreachType.INTEGRITY);
    row(part, "natureOfBreach.integrityType", 58, "Typ av integritetsincident",
        facts == null ? null : integrityType(facts.integrityLoss()), integrity);
    boolean availability = report.breachTypes().contains(BreachType.AVAILABILITY);
    row(part, "natureOfBreach.availabilityType", 59, "Typ av tillgänglighetsincident",
        facts == null ? null : availabilityType(facts.availabilityLoss()), availability);
    row(part, "natureOfBreach.incidentType", 60, "Vad för slags incident", incidentType(report));
    row(part, "natureOfBreach.cause", 61, "Orsak", cause(report));
    row(part, "natureOfBreach.description", 62, "Närmare beskrivning av incidenten", description(report));
    row(part, "natureOfBreach.systemsInvolved", 63, "System, programvara, tjänster och infrastruktur som berörs",
        null);

    heading(part, "3.3 Kategorier och antal registrerade");
    row(part, "dataSubjects.categories", 65, "Kategorier av registrerade", subjectCategories(report));
    row(part, "dataSubjects.description", 66, "Närmare beskrivning av de registrerade", groupsText(report));
    row(part, "dataSubjects.countKind", 67, "Antal registrerade", EdpbTemplate.CountKind.APPROXIMATE);
    row(part, "dataSubjects.count", 68, "Ungefärligt antal registrerade", report.dataSubjectCount());

    heading(part, "3.4 Kategorier och antal personuppgiftsposter");
    row(part, "personalDataRecords.dataTypes", 70, "Typer av personuppgifter", dataTypes(report.dataCategories()));
    row(part, "personalDataRecords.description", 71, "Närmare beskrivning av personuppgifterna",
        Swedish.labels(report.dataCategories()));
    row(part, "personalDataRecords.countKind", 72, "Antal personuppgiftsposter", report.recordCount() == null
        ? EdpbTemplate.CountKind.TO_BE_DETERMINED : EdpbTemplate.CountKind.APPROXIMATE);
    row(part, "personalDataRecords.count", 73, "Ungefärligt antal personuppgiftsposter", report.recordCount());

    heading(part, "3.5 Åtgärder som fanns när incidenten inträffade");
    String before = report.securityMeasuresBefore();
    row(part, "measuresInPlace.measures", 75, "Säkerhetsåtgärder som fanns",
        before == null || before.isBlank() ? List.of() : List.of(EdpbTemplate.MeasureInPlace.OTHER));
    row(part, "measuresInPlace.description", 76, "Närmare beskrivning av säkerhetsåtgärderna", before);
  }

  private void furtherInformation() {
    Incident incident = data.incident();
    IncidentReport report = incident.report();
    RiskAssessment assessment = incident.latestAssessment();
    Part part = Part.FURTHER;

    heading(part, "4.1 Sannolika konsekvenser och möjliga negativa effekter för de registrerade");
    Set<Swedish.Consequence> consequences = Swedish.likelyConsequences(report);
    Set<EdpbTemplate.Impact> impacts = consequences.stream().flatMap(c -> c.impacts().stream())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    impacts.add(EdpbTemplate.Impact.OTHER); // the sentences below say what the list cannot
    row(part, "likelyConsequences.impacts", 85, "Möjlig påverkan för de registrerade", List.copyOf(impacts));
    row(part, "likelyConsequences.impactsOther", 86, "Närmare beskrivning av påverkan",
        Swedish.lines(Swedish.consequences(report)));
    row(part, "likelyConsequences.severity", 87, "Hur allvarlig påverkan kan bli", assessment == null
        ? EdpbTemplate.SeverityLevel.TO_BE_DETERMINED : switch (assessment.severity()) {
          case LOW -> EdpbTemplate.SeverityLevel.MINOR;
          case MEDIUM -> EdpbTemplate.SeverityLevel.MODERATE;
          case HIGH, VERY_HIGH -> EdpbTemplate.SeverityLevel.SEVERE;
        });

    heading(part, "4.2 Bedömning av risken för fysiska personers rättigheter och friheter");
    row(part, "riskAssessment.outcome", 89, "Resultat av den personuppgiftsansvariges riskbedömning",
        assessment == null ? EdpbTemplate.RiskOutcome.ADDITIONAL_INFORMATION_NEEDED : switch (assessment.riskLevel()) {
          case HIGH_RISK -> EdpbTemplate.RiskOutcome.HIGH_RISK;
          case RISK -> EdpbTemplate.RiskOutcome.RISK;
          case NO_RISK -> EdpbTemplate.RiskOutcome.UNLIKELY_RISK;
        });
    row(part, "riskAssessment.description", 90, "Närmare beskrivning av riskbedömningen", assessment == null ? null
        : "Metod: ENISA:s metod för allvarlighetsgrad (2013) och EDPB:s riktlinjer 9/2022. "
            + (incident.finalAssessment() != null ? "Bedömning efter utredning" : "Preliminär bedömning")
            + ": poäng " + assessment.scoreText() + " (" + assessment.severity().label().toLowerCase(java.util.Locale.ROOT)
            + "), risknivå " + assessment.riskLevel().label().toLowerCase(java.util.Locale.ROOT) + ".\n"
            + String.join("\n", assessment.reasons()));

    heading(part, "4.3 Åtgärder för att hantera incidenten och mildra dess effekter");
    row(part, "measuresToAddress.description", 92, "Vidtagna åtgärder", report.measuresTaken());

    heading(part, "4.4 Åtgärder för att förhindra liknande incidenter");
    String remedial = incident.followUp() == null ? null : incident.followUp().remedialActions();
    row(part, "measuresToPrevent.measures", 94, "Åtgärder för att förhindra liknande incidenter",
        remedial == null || remedial.isBlank() ? List.of() : List.of(EdpbTemplate.PreventiveMeasure.OTHER));
    row(part, "measuresToPrevent.description", 95, "Närmare beskrivning av åtgärderna", remedial);
  }

  private void communicationToDataSubjects() {
    Incident incident = data.incident();
    DataSubjectsOutcome outcome = incident.dataSubjects();
    Decision decision = incident.decision();
    Instant planned = incident.imy() == null ? null : incident.imy().dataSubjectsPlannedAt();
    EdpbTemplate.CommunicationStatus status;
    EdpbTemplate.Article34Condition condition = null;
    EdpbTemplate.Means means = null;
    if (outcome != null) {
      DataSubjectCommunication communication = outcome.communication();
      switch (communication) {
        case INFORMED -> means = EdpbTemplate.Means.INDIVIDUAL;
        // Art. 34(3)(c) is itself a communication, by public announcement (docs/edpb-notification.md)
        case PUBLIC_COMMUNICATION -> means = EdpbTemplate.Means.PUBLIC_ANNOUNCEMENT;
        case NOT_INFORMED_UNINTELLIGIBLE -> condition = EdpbTemplate.Article34Condition.UNINTELLIGIBLE;
        case NOT_INFORMED_RISK_REMOVED -> condition = EdpbTemplate.Article34Condition.HIGH_RISK_NO_LONGER_LIKELY;
        default -> { }
      }
      status = means != null ? EdpbTemplate.CommunicationStatus.COMMUNICATED
          : EdpbTemplate.CommunicationStatus.NOT_COMMUNICATED_ARTICLE_34_3;
    } else if (decision != null && decision.informDataSubjects()) {
      status = planned != null ? EdpbTemplate.CommunicationStatus.WILL_BE_COMMUNICATED_ON_DATE
          : EdpbTemplate.CommunicationStatus.WILL_BE_COMMUNICATED_DATE_TBD;
    } else if (decision != null && !decision.notABreach()) {
      status = EdpbTemplate.CommunicationStatus.NOT_COMMUNICATED_NO_HIGH_RISK;
    } else {
      status = EdpbTemplate.CommunicationStatus.INVESTIGATION_ONGOING;
    }
    Part part = Part.DATA_SUBJECTS;
    boolean communicated = status == EdpbTemplate.CommunicationStatus.COMMUNICATED;
    row(part, "status", 97, "Har de registrerade informerats?", status);
    row(part, "communicatedOn", 98, "När informerades de registrerade?",
        outcome == null ? null : date(outcome.informedAt()), communicated);
    row(part, "plannedOn", 99, "När kommer de registrerade att informeras?", date(planned),
        status == EdpbTemplate.CommunicationStatus.WILL_BE_COMMUNICATED_ON_DATE);
    boolean article34 = status == EdpbTemplate.CommunicationStatus.NOT_COMMUNICATED_ARTICLE_34_3;
    row(part, "article34_3Condition", 100, "Villkor i artikel 34.3 som är uppfyllt", condition, article34);
    row(part, "article34_3Description", 101, "Närmare beskrivning av varför villkoret är uppfyllt",
        outcome == null ? null : outcome.notInformedReason(), article34);
    row(part, "reach", 102, "Har alla registrerade informerats?", null, communicated);
    row(part, "means", 104, "Hur informerades de registrerade?", means, communicated);
    row(part, "meansDescription", 105, "Närmare beskrivning av hur", outcome == null ? null : outcome.how(),
        communicated);
    row(part, "content", 106, "Informationens innehåll", communicated
        ? "Se bilagan Information om en personuppgiftsincident (breachflow)." : null, communicated);
    row(Part.NATIONAL, "se.informUrgently", null,
        "De registrerade informeras skyndsamt, före eller samtidigt med anmälan",
        decision == null ? null : decision.informUrgently());
  }

  private void otherIssues() {
    Part part = Part.OTHER_ISSUES;
    heading(part, "6.1 Andra myndigheter eller organ som underrättats");
    row(part, "otherAuthorities.police", 109, "Har incidenten polisanmälts?", null);
    row(part, "otherAuthorities.otherSupervisoryBodies", 110, "Har incidenten rapporterats till andra myndigheter "
        + "eller tillsynsorgan (t.ex. CERT-SE)?", null);
    heading(part, "6.2 Gränsöverskridande behandling");
    // A public authority has no lead supervisory authority (Art. 55(2)): its processing is not cross-border.
    boolean publicSector = publicSector(data.controller());
    row(part, "crossBorder.involved", 113, "Innebär incidenten gränsöverskridande behandling?",
        publicSector ? EdpbTemplate.YesNoUnknown.NO : null);
    row(part, "crossBorder.notifiedAuthorities", 118, "Tillsynsmyndigheter som anmälan görs till",
        new Rendered(List.of("SE-IMY"), "Sverige – Integritetsskyddsmyndigheten"));
    heading(part, "6.3 Behandling vid etableringar utanför EES");
    // The template asks this only of a controller not established in the EEA.
    row(part, "nonEeaController", 120, "Personuppgiftsansvarig utanför EES", null, false);
  }

  private void attachments() {
    Incident incident = data.incident();
    List<EdpbTemplate.AttachmentType> types = new ArrayList<>();
    if (incident.latestAssessment() != null) {
      types.add(EdpbTemplate.AttachmentType.RISK_ASSESSMENT);
    }
    if (incident.dataSubjects() != null
        && incident.dataSubjects().communication() == DataSubjectCommunication.INFORMED) {
      types.add(EdpbTemplate.AttachmentType.COMMUNICATION_TO_DATA_SUBJECTS);
    }
    row(Part.ATTACHMENTS, "types", 125, "Bilagor som breachflow tar fram", types);
    row(Part.ATTACHMENTS, "other", 126, "Andra bilagor", null);
  }

  private void nationalExtensions() {
    Incident incident = data.incident();
    ImyNotification imy = incident.imy();
    IncidentReport report = incident.report();
    Part part = Part.NATIONAL;
    row(part, "se.imyContactAddress", null, ImyNotificationContent.Q9_CONTACT_ADDRESS,
        imy == null ? null : imy.contactAddress());
    row(part, "se.imyCaseNumber", null, "IMY:s diarienummer", imy == null ? null : imy.caseNumber());
    row(part, "se.imySubmittedAt", null, "När skickades anmälan till IMY?", imy == null ? null : imy.submittedAt());
    row(part, "se.supplementKind", null, ImyNotificationContent.SUPPLEMENT_KIND,
        imy == null || imy.supplementKind() == null ? null
            : new Rendered(imy.supplementKind().name(), imy.supplementKind().label()));
    row(part, "se.dataSubjectGroups", null, ImyNotificationContent.Q25_GROUPS, new Rendered(
        report.dataSubjectGroups().stream().sorted().map(Enum::name).toList(),
        report.dataSubjectGroups().isEmpty() ? NOT_STATED : Swedish.labels(report.dataSubjectGroups())));
    List<DataCategory> beyond = report.dataCategories().stream().sorted()
        .filter(category -> dataType(category) == EdpbTemplate.DataType.OTHER).toList();
    row(part, "se.dataCategoryDetails", null, "Personuppgifter som mallen saknar egna svar för", new Rendered(
        beyond.stream().map(Enum::name).toList(),
        beyond.isEmpty() ? "Inga" : beyond.stream().map(DataCategory::label).collect(Collectors.joining("\n"))));
    DpoAdvice advice = incident.dpoAdvice();
    row(part, "se.dpoAdvice.advisedBy", null, "Dataskyddsombudets bedömning lämnad av",
        advice == null ? null : data.who(advice.advisedBy()));
    row(part, "se.dpoAdvice.agreesWithRules", null, "Dataskyddsombudet instämmer i reglernas rekommendation",
        advice == null || incident.latestAssessment() == null ? null : !advice.departsFrom(incident.latestAssessment()));
    Decision decision = incident.decision();
    row(part, "se.decision.decidedBy", null, "Beslut om anmälan fattat av",
        decision == null ? null : data.who(decision.decidedBy()));
    row(part, "se.decision.decidedAt", null, "Beslutat", decision == null ? null : decision.decidedAt());
    ImyOrder order = incident.imyOrder();
    row(part, "se.imyOrder.receivedAt", null, "IMY:s föreläggande att informera de registrerade mottaget",
        order == null ? null : order.receivedAt(), order != null);
    row(part, "se.imyOrder.deadline", null, "Föreläggandets frist", order == null ? null : order.deadline(),
        order != null);
    row(part, "se.secrecy", null, "Uppgifter i anmälan som bör omfattas av sekretess", incident.secrecyMarking());
  }

  // ---------------------------------------------------------------------------------------------------------

  private void heading(Part part, String title) {
    items.add(new Heading(part, title));
  }

  private void row(Part part, String path, Integer row, String label, Object value) {
    row(part, path, row, label, value, true);
  }

  private void row(Part part, String path, Integer row, String label, Object value, boolean shown) {
    items.add(new Row(part, path, row, label, value, shown));
  }

  /**
   * Public sector by the organisation number: group 2 of the Swedish legal-entity numbers is the state, the
   * regions and the municipalities (their committees). A company board is left unstated, not guessed.
   */
  private static boolean publicSector(DataController controller) {
    return controller.organisationNumber() != null && controller.organisationNumber().startsWith("2");
  }

  private static EdpbTemplate.Occurrence occurrence(IncidentReport report) {
    if (report.occurredAt() == null) {
      return EdpbTemplate.Occurrence.CANNOT_BE_DETERMINED;
    }
    if (report.endedAt() == null) {
      return EdpbTemplate.Occurrence.ONGOING;
    }
    return date(report.occurredAt()).equals(date(report.endedAt())) ? EdpbTemplate.Occurrence.SPECIFIC_DAY
        : EdpbTemplate.Occurrence.PERIOD;
  }

  private static EdpbTemplate.Nature nature(BreachType type) {
    return switch (type) {
      case CONFIDENTIALITY -> EdpbTemplate.Nature.CONFIDENTIALITY;
      case INTEGRITY -> EdpbTemplate.Nature.INTEGRITY;
      case AVAILABILITY -> EdpbTemplate.Nature.AVAILABILITY;
    };
  }

  private static EdpbTemplate.IntegrityType integrityType(IntegrityLoss loss) {
    return switch (loss) {
      case NONE -> null;
      case RECOVERABLE -> EdpbTemplate.IntegrityType.ALTERED_MISUSE_RECOVERABLE;
      case IRRECOVERABLE -> EdpbTemplate.IntegrityType.ALTERED_MISUSE_NOT_RECOVERABLE;
    };
  }

  private static EdpbTemplate.AvailabilityType availabilityType(AvailabilityLoss loss) {
    return switch (loss) {
      case NONE -> null;
      case TEMPORARY -> EdpbTemplate.AvailabilityType.TEMPORARY;
      case PERMANENT -> EdpbTemplate.AvailabilityType.PERMANENT;
    };
  }

  /** Row 60 from breachflow's cause; where the cause does not tell which (device or paper), "other". */
  private static EdpbTemplate.IncidentType incidentType(IncidentReport report) {
    return switch (report.cause()) {
      case MISDIRECTED_EMAIL, MISDIRECTED_POST -> EdpbTemplate.IncidentType.SENT_BY_MISTAKE;
      case UNAUTHORISED_ACCESS -> EdpbTemplate.IncidentType.UNAUTHORISED_ACCESS_IT;
      case HACKING -> EdpbTemplate.IncidentType.HACKING_MALWARE;
      case RANSOMWARE -> EdpbTemplate.IncidentType.RANSOMWARE;
      case SOCIAL_ENGINEERING -> EdpbTemplate.IncidentType.PHISHING_SOCIAL_ENGINEERING;
      case PUBLISHED_BY_MISTAKE -> EdpbTemplate.IncidentType.UNINTENDED_PUBLICATION;
      case TECHNICAL_ERROR -> EdpbTemplate.IncidentType.TECHNICAL_MALFUNCTION;
      case MISDIRECTED_OTHER, LOST_OR_STOLEN, OTHER -> EdpbTemplate.IncidentType.OTHER;
    };
  }

  /** Row 61: breachflow knows internal or external only where the cause says it. */
  private static EdpbTemplate.Cause cause(IncidentReport report) {
    return switch (report.cause()) {
      case MISDIRECTED_EMAIL, MISDIRECTED_POST, MISDIRECTED_OTHER, PUBLISHED_BY_MISTAKE -> report.processor() == null
          ? EdpbTemplate.Cause.INTERNAL_NON_MALICIOUS : EdpbTemplate.Cause.EXTERNAL_NON_MALICIOUS;
      case HACKING, RANSOMWARE, SOCIAL_ENGINEERING -> EdpbTemplate.Cause.EXTERNAL_MALICIOUS;
      default -> EdpbTemplate.Cause.UNKNOWN;
    };
  }

  private static String description(IncidentReport report) {
    StringBuilder out = new StringBuilder(report.description()).append("\nOrsak: ").append(report.cause().label());
    if (report.cause().isMisdirectedMessage() && report.recipient() != null) {
      out.append("\n").append(Swedish.label(report.recipient()))
          .append(report.recipientConfirmedDeletion() ? "; mottagaren har bekräftat att uppgifterna raderats." : ".");
    }
    return out.toString();
  }

  private static List<EdpbTemplate.SubjectCategory> subjectCategories(IncidentReport report) {
    Set<EdpbTemplate.SubjectCategory> out = new java.util.TreeSet<>();
    for (DataSubjectGroup group : report.dataSubjectGroups()) {
      out.add(switch (group) {
        case PUPILS -> EdpbTemplate.SubjectCategory.STUDENTS;
        case PATIENTS -> EdpbTemplate.SubjectCategory.PATIENTS;
        case EMPLOYEES -> EdpbTemplate.SubjectCategory.EMPLOYEES;
        case CARE_RECIPIENTS, SOCIAL_SERVICES_CLIENTS -> EdpbTemplate.SubjectCategory.VULNERABLE_INDIVIDUALS;
        case GUARDIANS, ELECTED_OFFICIALS, RESIDENTS, APPLICANTS, OTHER -> EdpbTemplate.SubjectCategory.OTHER;
      });
    }
    // "children or other vulnerable people": which of the two is not recorded; the description says it
    if (report.vulnerableSubjects() && !out.contains(EdpbTemplate.SubjectCategory.VULNERABLE_INDIVIDUALS)
        && !out.contains(EdpbTemplate.SubjectCategory.MINORS)) {
      out.add(EdpbTemplate.SubjectCategory.VULNERABLE_INDIVIDUALS);
    }
    if (out.isEmpty()) {
      out.add(EdpbTemplate.SubjectCategory.NOT_YET_KNOWN);
    }
    return List.copyOf(out);
  }

  private static String groupsText(IncidentReport report) {
    List<String> lines = new ArrayList<>();
    report.dataSubjectGroups().stream().sorted().map(DataSubjectGroup::label).forEach(lines::add);
    if (report.vulnerableSubjects()) {
      lines.add("Barn eller andra sårbara personer berörs.");
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  private static List<EdpbTemplate.DataType> dataTypes(Collection<DataCategory> categories) {
    Set<EdpbTemplate.DataType> out = new java.util.TreeSet<>();
    categories.forEach(category -> out.add(dataType(category)));
    return List.copyOf(out);
  }

  /** Row 70 from breachflow's category; the Swedish-specific ones and the lumped Art. 9 kinds are "other". */
  static EdpbTemplate.DataType dataType(DataCategory category) {
    return switch (category) {
      case IDENTITY -> EdpbTemplate.DataType.BASIC;
      case CONTACT -> EdpbTemplate.DataType.CONTACT;
      case PERSONAL_ID_NUMBER -> EdpbTemplate.DataType.IDENTIFICATION;
      case LOCATION -> EdpbTemplate.DataType.LOCATION;
      case BEHAVIOURAL -> EdpbTemplate.DataType.PROFILE;
      case FINANCIAL -> EdpbTemplate.DataType.ECONOMIC_AND_FINANCIAL;
      case CREDENTIALS -> EdpbTemplate.DataType.USER_CREDENTIALS;
      case HEALTH -> EdpbTemplate.DataType.HEALTH;
      case CRIMINAL_OFFENCE -> EdpbTemplate.DataType.CRIMINAL;
      case EDUCATION_EMPLOYMENT, SPECIAL_CATEGORY, SOCIAL_SERVICES, PROTECTED_IDENTITY -> EdpbTemplate.DataType.OTHER;
    };
  }

  private static LocalDate date(Instant instant) {
    return instant == null ? null : instant.atZone(Times.STOCKHOLM).toLocalDate();
  }

  // ---------------------------------------------------------------------------------------------------------

  private static Object jsonValue(Object value) {
    if (value instanceof Rendered rendered) {
      return rendered.json();
    }
    if (value instanceof Option option) {
      return option.name();
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(EdpbNotificationContent::jsonValue).toList();
    }
    if (value instanceof Instant instant) {
      return OFFSET_TIME.format(instant);
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof String string && string.isBlank()) {
      return null;
    }
    return value;
  }

  private static String textValue(Object value) {
    if (value == null) {
      return NOT_STATED;
    }
    if (value instanceof Rendered rendered) {
      return rendered.text() == null ? NOT_STATED : rendered.text();
    }
    if (value instanceof Option option) {
      return option.letter() + ") " + option.swedish();
    }
    if (value instanceof Collection<?> values) {
      return values.isEmpty() ? "Inga" : values.stream().map(EdpbNotificationContent::textValue)
          .collect(Collectors.joining("\n"));
    }
    if (value instanceof Instant instant) {
      return Swedish.time(instant);
    }
    if (value instanceof Boolean bool) {
      return Swedish.yesNo(bool);
    }
    return text(value.toString());
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String path, Object value) {
    String[] keys = path.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < keys.length - 1; i++) {
      Object child = node.get(keys[i]);
      if (!(child instanceof Map)) {
        child = new LinkedHashMap<String, Object>();
        node.put(keys[i], child);
      }
      node = (Map<String, Object>) child;
    }
    node.put(keys[keys.length - 1], value);
  }
}
