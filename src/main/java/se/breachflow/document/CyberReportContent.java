package se.breachflow.document;

import static se.breachflow.document.Swedish.NOT_STATED;
import static se.breachflow.document.Swedish.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import se.breachflow.assessment.RiskFacts;
import se.breachflow.incident.CyberFacts;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.CyberTrack;
import se.breachflow.incident.Decision;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.organisation.CyberAuthority;

/**
 * The underlag for a report of a significant incident to the CSIRT under cybersäkerhetslagen (2025:1506) 2 kap.:
 * the upplysning within 24 hours (5 §), the incidentanmälan within 72 hours (6 §), the slutrapport a month after
 * the notification or the lägesrapport while the incident is ongoing (8 §). The law gives the deadlines but not the
 * content; the content is NIS2 Art. 23(4): (a) whether unlawful or malicious acts are suspected and whether there
 * may be cross-border impact; (b) an initial assessment of severity and impact, indicators of compromise; (d) a
 * detailed description, the type of threat or root cause, mitigation applied and ongoing, cross-border impact.
 * Each report also carries the facts the IMY notification is made of (controller, times, description, cause,
 * breach types, measures), so that the two reports do not tell different stories. The headings are breachflow's
 * own words (no Swedish authority's form was found, docs/cyber-documents.md) except the law's terms and
 * sections. A fact not yet known says so ({@link #NOT_KNOWN}), never a blank.
 */
final class CyberReportContent {

  /** What the document prints for a fact of the report that is not known (yet). */
  static final String NOT_KNOWN = "Ej känt ännu";

  // The parts, numbered "Del 1 …" when the document is made.
  static final String REPORT = "Rapporten";
  static final String OPERATOR = "Verksamhetsutövaren";
  static final String INCIDENT = "Vad som är känt om incidenten";
  static final String CAUSE = "Misstänkt orsak och gränsöverskridande verkningar";
  static final String SEVERITY = "Allvarlighet och verkan";
  static final String MEASURES = "Åtgärder";
  static final String OTHER_REPORTS = "Andra anmälningar";
  static final String DELAY = "Försenad rapport";

  // The labels of the report's own facts (NIS2 Art. 23(4)), as the cyber forms ask them.
  static final String RECIPIENT = "Mottagande myndighet";
  static final String UNIT = "Mottagande enhet";
  static final String CHANNEL = "Rapporteringsväg";
  static final String LEGAL_BASIS = "Lagrum";
  static final String DEADLINE = "Frist";
  static final String FILED_AT = "Lämnad till myndigheten";
  static final String REFERENCE = "Myndighetens referens (ärendenummer)";
  static final String EARLIER = "Tidigare rapporter i ärendet";
  static final String SIGNIFICANT = "Betydande incident (cybersäkerhetslagen 2 kap. 5 § andra stycket)";
  static final String SIGNIFICANT_REASON = "Skäl för bedömningen";
  static final String MALICIOUS = "Misstänks incidenten bero på olagliga eller avsiktligt skadliga handlingar?";
  static final String CROSS_BORDER = "Kan incidenten få gränsöverskridande verkningar (i andra EU-länder)?";
  static final String CROSS_BORDER_FINAL = "Har incidenten fått gränsöverskridande verkningar (i andra EU-länder)?";
  static final String SEVERITY_INITIAL = "Första bedömning av incidentens allvarlighet och verkan";
  static final String SEVERITY_FINAL = "Incidentens allvarlighet och verkan";
  static final String INDICATORS = "Angreppsindikatorer (om de finns)";
  static final String ROOT_CAUSE = "Typ av hot eller grundorsak som sannolikt utlöste incidenten";
  static final String MITIGATION = "Åtgärder som har vidtagits och som pågår för att begränsa incidenten";
  static final String HANDLED_AT = "När hanterades incidenten?";
  static final String SYSTEMS = "Berörda system och tjänster";
  static final String POLICE = "Polisanmäld";
  static final String SECURITY_SERVICE = "Säkerhetspolisen informerad (säkerhetsskyddsförordningen 2 kap. 4 §)";
  static final String MISSED_DEADLINE = "Fristen gick ut";
  static final String LATE_REASON = "Skäl till förseningen";

  /**
   * One report as the document shows it.
   *
   * @param kind the report shown (for the final-report document, a progress report when that was filed last)
   * @param deadline the law's deadline of that report; null when it does not run yet (no notification, or after a
   *     progress report, the handling not yet known)
   * @param late filed after the deadline, or not filed and the deadline passed
   */
  record Report(DocumentData data, CyberAuthority authority, CyberReportKind kind, Instant deadline, boolean late) {

    CyberTrack track() {
      return data.incident().cyber();
    }

    /** The report as filed; null before. */
    CyberTrack.CyberReport filed() {
      return track().report(kind);
    }

    CyberFacts facts() {
      return track().facts() == null ? CyberFacts.NONE : track().facts();
    }
  }

  private CyberReportContent() {}

  static String title(CyberReportKind kind) {
    return switch (kind) {
      case EARLY_WARNING -> DocumentKind.CYBER_EARLY_WARNING.title();
      case NOTIFICATION -> DocumentKind.CYBER_NOTIFICATION.title();
      case INTERMEDIATE_REPORT -> "Underlag för delrapport enligt cybersäkerhetslagen";
      case PROGRESS_REPORT -> DocumentKind.PROGRESS_REPORT_TITLE;
      case FINAL_REPORT -> DocumentKind.CYBER_FINAL_REPORT.title();
    };
  }

  static List<String> subtitle(Report report) {
    List<String> lines = new ArrayList<>();
    lines.add("Till " + report.authority().name() + " (" + report.authority().unit() + ").");
    lines.add("Verksamhetsutövare: " + report.data().controller().name() + " – vårt referensnummer "
        + report.data().incident().number());
    CyberTrack.CyberReport filed = report.filed();
    if (filed != null) {
      lines.add("Lämnad " + time(filed.filedAt()) + ", myndighetens referens " + reference(filed));
    }
    lines.add("Cybersäkerhetslagen (2025:1506) 2 kap. 5–8 §§ anger rapporterna och fristerna; innehållet följer "
        + "NIS2-direktivet artikel 23.4. Rubrikerna är breachflows egna formuleringar. \"" + NOT_KNOWN
        + "\" står där uppgiften inte är känd.");
    return lines;
  }

  static List<Section> sections(Report report) {
    List<Section> sections = new ArrayList<>();
    sections.add(about(report));
    sections.add(operator(report));
    sections.add(incident(report));
    sections.add(cause(report));
    if (report.kind() != CyberReportKind.EARLY_WARNING) {
      sections.add(severity(report));
    }
    sections.add(measures(report));
    sections.add(otherReports(report));
    if (report.late()) {
      // Only a late report speaks of a delay (breachflow asks for the reasons; the law asks for the report in time).
      CyberTrack.CyberReport filed = report.filed();
      sections.add(Section.titled(DELAY)
          .field(MISSED_DEADLINE, time(report.deadline()))
          .field(LATE_REASON, filed != null && filed.lateReason() != null ? filed.lateReason() : "Ej angivet ännu.")
          .build());
    }
    return ImyNotificationContent.numbered(sections);
  }

  private static Section about(Report report) {
    CyberAuthority authority = report.authority();
    CyberTrack track = report.track();
    CyberTrack.CyberReport filed = report.filed();
    Section.Builder section = Section.titled(REPORT)
        .field("Rapport", report.kind().label())
        .field(LEGAL_BASIS, legalBasis(report.kind()))
        .field(RECIPIENT, authority.name())
        .field(UNIT, authority.unit())
        .field(CHANNEL, authority.channel())
        .field(DEADLINE, deadline(report))
        .field(FILED_AT, filed == null ? "Ännu inte lämnad" : time(filed.filedAt()))
        .field(REFERENCE, filed == null ? "Ännu inte lämnad" : reference(filed));
    if (filed != null) {
      section.field("Registrerad av", report.data().who(filed.filedBy()));
    }
    if (report.kind() == CyberReportKind.PROGRESS_REPORT) {
      section.field("Slutrapport", "Lämnas inom en månad efter att incidenten har hanterats (2 kap. 8 §).");
    }
    String earlier = earlier(report);
    if (earlier != null) {
      section.field(EARLIER, earlier);
    }
    return section
        .field(SIGNIFICANT, "Ja, bedömt " + time(track.decidedAt()) + " av " + report.data().who(track.decidedBy()))
        .field(SIGNIFICANT_REASON, known(track.reason()))
        .build();
  }

  private static Section operator(Report report) {
    DocumentData data = report.data();
    return Section.titled(OPERATOR)
        .field("Verksamhetsutövare", data.controller().name())
        .field("Organisationsnummer", known(data.controller().organisationNumber()))
        .field("Postadress", known(data.controller().postalAddress()))
        .field("Vårt referensnummer", data.incident().number())
        .field("Kontaktperson", contact(report))
        .build();
  }

  private static Section incident(Report report) {
    Incident incident = report.data().incident();
    IncidentReport facts = incident.report();
    String cause = facts.cause().label();
    if (facts.processor() != null) {
      cause += "\nIncidenten inträffade hos leverantören (personuppgiftsbiträdet) " + facts.processor() + ".";
    }
    Section.Builder section = Section.titled(INCIDENT)
        .field("Beskrivning av vad som har hänt", known(facts.description()))
        .field("Orsak enligt incidentrapporten", cause)
        .field("När inträffade incidenten?", knownTime(facts.occurredAt()))
        .field("När upptäcktes incidenten?", knownTime(facts.discoveredAt()))
        .field("När fick verksamhetsutövaren kännedom om incidenten?", knownTime(facts.awareAt()))
        .field("När upphörde incidenten?", facts.endedAt() == null ? ImyNotificationContent.ONGOING + " (eller "
            + NOT_KNOWN.toLowerCase(java.util.Locale.ROOT) + ")" : time(facts.endedAt()));
    if (report.kind() == CyberReportKind.FINAL_REPORT || report.kind() == CyberReportKind.PROGRESS_REPORT) {
      section.field(HANDLED_AT, knownTime(report.facts().cyberHandledAt()));
    }
    RiskFacts risk = incident.facts();
    return section
        .field("Vilken typ av incident är det?", facts.breachTypes().isEmpty() ? NOT_KNOWN
            : Swedish.labels(facts.breachTypes()))
        .field(SYSTEMS, systems(report))
        .field("Förlust av tillgänglighet", risk == null || risk.availabilityLoss() == null ? NOT_KNOWN
            : risk.availabilityLoss().label())
        .field("Berörs personuppgifter?", personalData(facts))
        .build();
  }

  private static Section cause(Report report) {
    CyberFacts facts = report.facts();
    boolean last = report.kind() == CyberReportKind.FINAL_REPORT || report.kind() == CyberReportKind.PROGRESS_REPORT;
    Section.Builder section = Section.titled(CAUSE)
        .field(MALICIOUS, facts.cyberMalicious() == null ? NOT_KNOWN : facts.cyberMalicious().label())
        .field(last ? CROSS_BORDER_FINAL : CROSS_BORDER,
            facts.cyberCrossBorder() == null ? NOT_KNOWN : Swedish.yesNo(facts.cyberCrossBorder()));
    if (last) {
      section.field(ROOT_CAUSE, known(facts.cyberRootCause()));
    }
    return section.build();
  }

  private static Section severity(Report report) {
    CyberFacts facts = report.facts();
    Section.Builder section = Section.titled(SEVERITY)
        .field(report.kind() == CyberReportKind.NOTIFICATION ? SEVERITY_INITIAL : SEVERITY_FINAL,
            known(facts.cyberSeverityImpact()));
    if (report.kind() == CyberReportKind.NOTIFICATION) {
      section.field(INDICATORS, known(facts.cyberIndicators()));
    }
    return section.build();
  }

  private static Section measures(Report report) {
    Incident incident = report.data().incident();
    Section.Builder section = Section.titled(MEASURES)
        .field("Åtgärder som vidtogs direkt", known(incident.report().measuresTaken()));
    if (report.kind() != CyberReportKind.EARLY_WARNING) {
      section.field(MITIGATION, known(report.facts().cyberMitigation()));
    }
    if (report.kind() == CyberReportKind.FINAL_REPORT || report.kind() == CyberReportKind.PROGRESS_REPORT) {
      section.field("Planerade åtgärder", known(incident.followUp() == null ? null
          : incident.followUp().remedialActions()));
    }
    return section.build();
  }

  /** The IMY notification, the police and Säkerhetspolisen: separate reports that the CSIRT may ask about. */
  private static Section otherReports(Report report) {
    Incident incident = report.data().incident();
    CyberFacts facts = report.facts();
    return Section.titled(OTHER_REPORTS)
        .field("Anmälan av personuppgiftsincident till Integritetsskyddsmyndigheten (IMY)", imy(incident))
        .field(POLICE, facts.cyberPoliceReportedAt() == null ? NOT_STATED : time(facts.cyberPoliceReportedAt()))
        .field(SECURITY_SERVICE, facts.cyberSecurityServiceInformedAt() == null ? NOT_STATED
            : time(facts.cyberSecurityServiceInformedAt()))
        .build();
  }

  static String legalBasis(CyberReportKind kind) {
    return switch (kind) {
      case EARLY_WARNING -> "Cybersäkerhetslagen (2025:1506) 2 kap. 5 § (upplysning)";
      case NOTIFICATION -> "Cybersäkerhetslagen (2025:1506) 2 kap. 6 § (incidentanmälan)";
      case INTERMEDIATE_REPORT -> "Cybersäkerhetslagen (2025:1506) 2 kap. 7 § (delrapport)";
      case PROGRESS_REPORT -> "Cybersäkerhetslagen (2025:1506) 2 kap. 8 § (lägesrapport)";
      case FINAL_REPORT -> "Cybersäkerhetslagen (2025:1506) 2 kap. 8 § (slutrapport)";
    };
  }

  private static String deadline(Report report) {
    boolean afterProgress = report.track().report(CyberReportKind.PROGRESS_REPORT) != null;
    String rule = switch (report.kind()) {
      case EARLY_WARNING -> "24 timmar efter att verksamhetsutövaren fick kännedom om incidenten";
      case NOTIFICATION -> "72 timmar efter att verksamhetsutövaren fick kännedom om incidenten";
      case INTERMEDIATE_REPORT -> "den tid myndigheten angav i sin begäran";
      case PROGRESS_REPORT -> "en månad efter incidentanmälan, när incidenten fortfarande pågår";
      case FINAL_REPORT -> afterProgress ? "en månad efter att incidenten har hanterats"
          : "en månad efter incidentanmälan";
    };
    if (report.deadline() != null) {
      return time(report.deadline()) + " (" + rule + ")";
    }
    String why = report.kind() == CyberReportKind.FINAL_REPORT && afterProgress
        ? "när incidenten hanterades är inte känt ännu" : "incidentanmälan är inte gjord ännu";
    return "Ej fastställd ännu: " + rule + "; " + why + ".";
  }

  /** The reports filed before this one, each with its time and reference. */
  private static String earlier(Report report) {
    String lines = java.util.Arrays.stream(CyberReportKind.values())
        .filter(kind -> kind.ordinal() < report.kind().ordinal())
        .filter(kind -> report.track().report(kind) != null)
        .map(kind -> kind.label() + ": lämnad " + time(report.track().report(kind).filedAt()) + ", referens "
            + reference(report.track().report(kind)))
        .collect(Collectors.joining("\n"));
    return lines.isEmpty() ? null : lines;
  }

  private static String reference(CyberTrack.CyberReport filed) {
    return filed.reference() == null || filed.reference().isBlank() ? NOT_STATED : filed.reference();
  }

  /**
   * Who answers the CSIRT's questions: whoever filed this report, else whoever filed the latest one before it,
   * else whoever decided that the incident is significant; the IMY notification's contact person if none of them.
   */
  private static String contact(Report report) {
    CyberTrack track = report.track();
    String id = null;
    for (CyberReportKind kind : CyberReportKind.values()) {
      if (kind.ordinal() <= report.kind().ordinal() && track.report(kind) != null
          && track.report(kind).filedBy() != null) {
        id = track.report(kind).filedBy();
      }
    }
    if (id == null) {
      id = track.decidedBy();
    }
    if (id != null) {
      return report.data().who(id);
    }
    DocumentData data = report.data();
    return data.contactPerson() == null ? NOT_KNOWN : data.contactPerson().display();
  }

  /** The systems as far as known: the supplier incident's, else the processor's service, else not known. */
  private static String systems(Report report) {
    DocumentData.SupplierLink supplier = report.data().supplier();
    if (supplier != null && supplier.systems() != null && !supplier.systems().isBlank()) {
      return supplier.systems() + (supplier.processor() == null ? "" : " (leverantör: " + supplier.processor() + ")");
    }
    String processor = report.data().incident().report().processor();
    return processor != null ? "Tjänster från leverantören " + processor + "; se beskrivningen"
        : NOT_KNOWN + " utöver beskrivningen";
  }

  private static String personalData(IncidentReport facts) {
    if (facts.dataCategories().isEmpty() && facts.dataSubjectCount() <= 0) {
      return NOT_KNOWN;
    }
    String categories = facts.dataCategories().isEmpty() ? "" : " (" + facts.dataCategories().stream().sorted()
        .map(category -> category.label()).collect(Collectors.joining(", ")) + ")";
    return "Ja, uppgifter om ungefär " + facts.dataSubjectCount() + " personer" + categories
        + ". Personuppgiftsincidenten hanteras separat enligt dataskyddsförordningen.";
  }

  private static String imy(Incident incident) {
    ImyNotification imy = incident.imy();
    if (imy != null) {
      return "Anmäld " + time(imy.submittedAt()) + ", IMY:s diarienummer " + imy.caseNumber();
    }
    Decision decision = incident.decision();
    if (decision != null && (decision.notABreach() || !decision.notifyImy())) {
      return "Ska inte anmälas enligt den personuppgiftsansvariges beslut " + time(decision.decidedAt());
    }
    return "Ännu inte anmäld";
  }

  private static String known(String value) {
    return value == null || value.isBlank() ? NOT_KNOWN : value;
  }

  private static String knownTime(Instant value) {
    return value == null ? NOT_KNOWN : time(value);
  }
}
