package se.breachflow.register;

import static se.breachflow.document.Swedish.time;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.Incident;
import se.breachflow.organisation.DataController;
import se.breachflow.document.Swedish;
import se.breachflow.document.Section;

/**
 * The register of personal-data breaches (Art. 33(5)): one row per incident with the columns a supervisory
 * inspection asks for, as CSV for Swedish Excel and as PDF.
 */
final class Register {

  /** An incident with its controller, as the register lists it. */
  record Entry(Incident incident, DataController controller, boolean late) {}

  private record Column(String heading, Function<Entry, String> value) {}

  private static final List<Column> COLUMNS = List.of(
      new Column("Incidentnummer", e -> e.incident().number()),
      new Column("Personuppgiftsansvarig", e -> e.controller().name()),
      new Column("Leverantörsincident", e -> nullToEmpty(e.incident().supplierIncident())),
      new Column("Organisationsnummer", e -> nullToEmpty(e.controller().organisationNumber())),
      new Column("Status", e -> e.incident().status().label()),
      new Column("Inträffade", e -> display(e.incident().report().occurredAt())),
      new Column("Upptäcktes", e -> display(e.incident().report().discoveredAt())),
      new Column("Rapporterad", e -> display(e.incident().reportedAt())),
      new Column("Beskrivning", e -> e.incident().report().description()),
      new Column("Orsak", e -> e.incident().report().cause().label()),
      new Column("Typ av incident", e -> join(Swedish.labels(e.incident().report().breachTypes()))),
      new Column("Typer av personuppgifter", e -> join(Swedish.labels(e.incident().report().dataCategories()))),
      new Column("Antal berörda (ungefär)", e -> String.valueOf(e.incident().report().dataSubjectCount())),
      new Column("Barn eller sårbara berörs", e -> Swedish.yesNo(e.incident().report().vulnerableSubjects())),
      new Column("Sannolika konsekvenser", e -> String.join(" ", Swedish.consequences(e.incident().report()))),
      new Column("Risknivå", e -> assessment(e, a -> Swedish.label(a.riskLevel()))),
      new Column("Allvarlighetsgrad (ENISA)", e -> assessment(e,
          a -> a.scoreText() + " " + a.severity().label().toLowerCase(Locale.ROOT))),
      new Column("Personuppgiftsincident enligt beslut", e -> e.incident().decision() == null ? ""
          : Swedish.yesNo(!e.incident().decision().notABreach())),
      new Column("Beslut om anmälan till IMY", e -> e.incident().decision() == null ? ""
          : Swedish.yesNo(e.incident().decision().notifyImy())),
      new Column("Motivering", e -> e.incident().decision() == null ? ""
          : nullToEmpty(e.incident().decision().justification())),
      new Column("Beslutat av", e -> e.incident().decision() == null ? "" : e.incident().decision().decidedBy()),
      new Column("Beslutat", e -> e.incident().decision() == null ? "" : display(e.incident().decision().decidedAt())),
      new Column("Anmäld till IMY", e -> e.incident().imy() == null ? "" : display(e.incident().imy().submittedAt())),
      new Column("IMY:s diarienummer", e -> e.incident().imy() == null ? "" : e.incident().imy().caseNumber()),
      new Column("Anmäld efter 72 timmar", e -> Swedish.yesNo(e.late())),
      new Column("Information till de registrerade", e -> e.incident().dataSubjects() == null ? ""
          : Swedish.label(e.incident().dataSubjects().communication())),
      new Column("Betydande incident enligt cybersäkerhetslagen", e -> e.incident().cyber() == null
          || e.incident().cyber().significant() == null ? "" : Swedish.yesNo(e.incident().cyber().significantIncident())),
      new Column("Upplysning till CSIRT lämnad", e -> cyberFiled(e, CyberReportKind.EARLY_WARNING)),
      new Column("Incidentanmälan till CSIRT lämnad", e -> cyberFiled(e, CyberReportKind.NOTIFICATION)),
      new Column("Slutrapport till CSIRT lämnad", e -> cyberFiled(e, CyberReportKind.FINAL_REPORT)),
      new Column("Överföring till tredje land", e -> Swedish.yesNo(e.incident().report().thirdCountry())),
      new Column("Vidtagna åtgärder", e -> nullToEmpty(e.incident().report().measuresTaken())),
      new Column("Åtgärder efter incidenten", e -> e.incident().followUp() == null ? ""
          : nullToEmpty(e.incident().followUp().remedialActions())),
      new Column("Avslutad", e -> e.incident().followUp() == null ? "" : display(e.incident().followUp().closedAt())));

  private Register() {}

  private static String cyberFiled(Entry e, CyberReportKind kind) {
    var cyber = e.incident().cyber();
    var report = cyber == null ? null : cyber.report(kind);
    return report == null ? "" : display(report.filedAt());
  }

  static List<String> headings() {
    return COLUMNS.stream().map(Column::heading).toList();
  }

  /**
   * UTF-8 with a byte order mark (so Excel reads å, ä, ö), semicolon-separated, CRLF between records; a value
   * with a semicolon, quote or line break is quoted with its quotes doubled, and a value that a spreadsheet
   * would take for a formula (starting with =, +, -, @) is prefixed with an apostrophe.
   */
  static byte[] csv(List<Entry> entries) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(line(headings()));
    for (Entry entry : entries) {
      out.append(line(COLUMNS.stream().map(column -> nullToEmpty(column.value().apply(entry))).toList()));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<Section> sections(List<Entry> entries) {
    List<Section> sections = new ArrayList<>();
    for (Entry entry : entries) {
      Section.Builder section = Section.titled(entry.incident().number() + " – " + entry.controller().name());
      for (Column column : COLUMNS.subList(2, COLUMNS.size())) {
        String value = column.value().apply(entry);
        section.field(column.heading(), value == null || value.isEmpty() ? "–" : value);
      }
      sections.add(section.build());
    }
    return sections;
  }

  static String period(LocalDate from, LocalDate to) {
    return "Period (upptäckt): " + (from == null ? "från början" : from.toString()) + " – "
        + (to == null ? "i dag" : to.toString());
  }

  private static String line(List<String> values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(';');
      }
      line.append(csvValue(values.get(i)));
    }
    return line.append("\r\n").toString();
  }

  static String csvValue(String value) {
    String safe = value;
    if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static String assessment(Entry entry, Function<RiskAssessment, String> value) {
    RiskAssessment assessment = entry.incident().latestAssessment();
    return assessment == null ? "" : value.apply(assessment);
  }

  private static String display(Instant instant) {
    return instant == null ? "" : time(instant);
  }

  private static String join(String lines) {
    return lines.replace("\n", ", ");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
