package se.breachflow.incident.task;

import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.DataCategory;
import se.breachflow.incident.DataSubjectGroup;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Times;

/** The summary of an incident that heads every task form (Markdown, rendered by form-js's text field). */
final class IncidentSummary {

  private IncidentSummary() {}

  /** @param names a person's name for a user id (the id when none is known) */
  static String of(Incident incident, ControllerRegistry controllers, UnaryOperator<String> names) {
    IncidentReport report = incident.report();
    String controller = controllers.find(incident.controllerId()).map(DataController::name)
        .orElse(incident.controllerId());
    StringBuilder text = new StringBuilder();
    // Every value that is not the summary's own wording is escaped, whoever wrote it: a user id from the
    // directory, a controller's name from the configuration, the number.
    text.append("**").append(markdownSafe(incident.number())).append("** – ").append(markdownSafe(controller))
        .append("\n\n");
    text.append("**Status:** ").append(incident.status().label()).append("  \n");
    text.append("**Orsak:** ").append(report.cause().label()).append("  \n");
    text.append("**Vad hände med uppgifterna:** ").append(report.breachTypes().stream()
        .map(BreachType::label).collect(Collectors.joining(", "))).append("  \n");
    text.append("**Personuppgifter:** ").append(report.dataCategories().stream()
        .map(DataCategory::label).collect(Collectors.joining(", "))).append("  \n");
    text.append("**Antal berörda personer (ungefär):** ").append(report.dataSubjectCount())
        .append(report.vulnerableSubjects() ? " – barn eller andra sårbara personer berörs" : "").append("  \n");
    if (!report.dataSubjectGroups().isEmpty()) {
      text.append("**Grupper:** ").append(report.dataSubjectGroups().stream().sorted()
          .map(DataSubjectGroup::label).collect(Collectors.joining(", "))).append("  \n");
    }
    if (report.recipient() != null) {
      text.append("**Mottagare:** ").append(report.recipient().label())
          .append(report.recipientConfirmedDeletion() ? " – har bekräftat att uppgifterna raderats" : "").append("  \n");
    }
    if (report.recordCount() != null) {
      text.append("**Antal poster (ungefär):** ").append(report.recordCount()).append("  \n");
    }
    if (report.occurredAt() != null) {
      text.append("**Inträffade:** ").append(Times.display(report.occurredAt())).append("  \n");
    }
    text.append("**Upphörde:** ").append(report.endedAt() == null ? "pågår eller okänt"
        : Times.display(report.endedAt())).append("  \n");
    text.append("**Upptäcktes:** ").append(Times.display(report.discoveredAt())).append("  \n");
    text.append("**Rapporterad:** ").append(Times.display(incident.reportedAt())).append(" av ")
        .append(markdownSafe(names.apply(incident.reporterId()))).append("  \n");
    if (report.processor() != null) {
      text.append("**Personuppgiftsbiträde:** ").append(markdownSafe(report.processor())).append("  \n");
      if (report.processorNotifiedAt() != null) {
        text.append("**Biträdet underrättade oss:** ").append(Times.display(report.processorNotifiedAt()))
            .append("  \n");
      }
    }
    text.append("\n**Beskrivning:** ").append(markdownSafe(report.description()));
    if (report.measuresTaken() != null) {
      text.append("\n\n**Åtgärder som redan vidtagits:** ").append(markdownSafe(report.measuresTaken()));
    }
    return text.toString();
  }

  /**
   * User text is shown as text: Markdown and HTML characters are escaped (form-js renders the summary as
   * Markdown and sanitises HTML), line breaks are kept. A line that would start a list is escaped at its
   * marker (a backslash before "-" or after "1" in "1."), since a backslash before a letter or digit would itself
   * be shown.
   */
  static String markdownSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    boolean digitsAtLineStart = false;
    for (char c : text.replace("\r\n", "\n").toCharArray()) {
      switch (c) {
        case '<' -> safe.append("&lt;");
        case '>' -> safe.append("&gt;");
        case '&' -> safe.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '#', '|', '~' -> safe.append('\\').append(c);
        case '\n' -> safe.append("  \n");
        default -> {
          if ((lineStart && (c == '-' || c == '+' || c == '=')) || (digitsAtLineStart && (c == '.' || c == ')'))) {
            safe.append('\\');
          }
          safe.append(c);
        }
      }
      digitsAtLineStart = Character.isDigit(c) && (lineStart || digitsAtLineStart);
      lineStart = c == '\n' || (lineStart && c == ' ');
    }
    return safe.toString();
  }
}
