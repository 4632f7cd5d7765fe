package se.breachflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.breachflow.shared.Times;

/**
 * The Swedish texts of every {@link NoticeKind}. By design a message carries only the incident number, the
 * controller, the deadline, the task's name and a link: never the description, the people concerned or any
 * other part of the report. E-mail leaves the municipality's control; the report is read after login.
 */
@Component
public class MailTemplates {

  /** Where Tasklist opens one task. */
  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
  /** The incident in the project's API (when the message is about no task). */
  static final String INCIDENT = "/api/incidents/";

  private static final String FOOTER = "Meddelandet innehåller av säkerhetsskäl inga personuppgifter och ingen "
      + "beskrivning av incidenten. Logga in för att läsa ärendet. Svara inte på meddelandet och skicka aldrig "
      + "personuppgifter med e-post.";

  private final String baseUrl;

  public MailTemplates(@Value("${breachflow.public-base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The facts a message may show. */
  public record Facts(String incidentNumber, String controllerName, Instant deadline, String taskId,
      String taskName) {}

  private record Text(String subject, String intro, String action, boolean showDeadline) {}

  /** A report under cybersäkerhetslagen (2025:1506) 2 kap. 5-8 §§ is due soon. */
  private static Text cyberReminder(String number, String report, String when) {
    return new Text("Påminnelse: rapport enligt cybersäkerhetslagen (" + number + ")",
        "Incident " + number + " är en betydande incident enligt cybersäkerhetslagen, och " + report
            + " ska lämnas " + when + ". Fristen närmar sig.",
        "Lämna rapporten och registrera den i uppgiften i Tasklist.", false);
  }

  /** A report under cybersäkerhetslagen is overdue. */
  private static Text cyberMissed(String number, String report) {
    return new Text("Fristen enligt cybersäkerhetslagen har passerat (" + number + ")",
        "Fristen för " + report + " om den betydande incidenten " + number + " har passerat utan att rapporten "
            + "är registrerad.",
        "Lämna rapporten utan ytterligare dröjsmål och ange skälen till förseningen.", false);
  }

  public String link(Facts facts) {
    return facts.taskId() != null ? baseUrl + TASKLIST_TASK + facts.taskId() : baseUrl + INCIDENT + facts.incidentNumber();
  }

  public MailContent render(NoticeKind kind, Facts facts, Instant now) {
    Text text = text(kind, facts);
    String link = link(facts);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Incident", facts.incidentNumber()});
    rows.add(new String[] {"Personuppgiftsansvarig", facts.controllerName()});
    if (text.showDeadline() && facts.deadline() != null) {
      rows.add(new String[] {"Frist för anmälan till IMY", Times.displayDeadline(facts.deadline(), now)});
    }
    if (facts.taskName() != null) {
      rows.add(new String[] {"Uppgift", facts.taskName()});
    }
    String linkText = facts.taskId() != null ? "Öppna uppgiften i Tasklist" : "Öppna incidenten";

    StringBuilder plain = new StringBuilder("Hej!\n\n").append(text.intro()).append("\n\n");
    rows.forEach(row -> plain.append(row[0]).append(": ").append(row[1]).append('\n'));
    plain.append(linkText).append(": ").append(link).append("\n\n");
    if (text.action() != null) {
      plain.append(text.action()).append("\n\n");
    }
    plain.append(FOOTER).append("\n");

    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"UTF-8\">")
        .append("<title>").append(esc(text.subject())).append("</title></head>\n")
        .append("<body style=\"font-family: Arial, sans-serif; font-size: 15px;\">\n")
        .append("<p>Hej!</p>\n<p>").append(esc(text.intro())).append("</p>\n<table>\n");
    rows.forEach(row -> html.append("<tr><th style=\"text-align: left; padding-right: 1em;\">").append(esc(row[0]))
        .append("</th><td>").append(esc(row[1])).append("</td></tr>\n"));
    html.append("</table>\n<p><a href=\"").append(esc(link)).append("\">").append(esc(linkText)).append("</a></p>\n");
    if (text.action() != null) {
      html.append("<p>").append(esc(text.action())).append("</p>\n");
    }
    html.append("<p style=\"color: #555555; font-size: 13px;\">").append(esc(FOOTER)).append("</p>\n</body></html>\n");
    return new MailContent(text.subject(), plain.toString(), html.toString());
  }

  private static Text text(NoticeKind kind, Facts f) {
    String number = f.incidentNumber();
    String task = f.taskName() == null ? "en uppgift" : "\"" + f.taskName() + "\"";
    String taskTitle = f.taskName() == null ? "uppgift" : f.taskName();
    return switch (kind) {
      case INCIDENT_RECEIPT -> new Text(
          "Din rapport är mottagen: personuppgiftsincident " + number,
          "Tack för din rapport. Den är registrerad som personuppgiftsincident " + number + " hos "
              + f.controllerName() + " och bedöms nu av dataskyddssamordnarna.",
          "Ange numret om du har frågor eller vill lämna fler uppgifter. Du får ett meddelande när incidenten "
              + "är avslutad.", false);
      case NEW_INCIDENT -> new Text(
          "Ny personuppgiftsincident " + number + " (" + f.controllerName() + ")",
          "En ny personuppgiftsincident har rapporterats till " + f.controllerName() + ".",
          "Bedöm incidenten snarast: om den ska anmälas till IMY ska det ske inom 72 timmar från att ni fick "
              + "kännedom om den.", true);
      case TASK_CANDIDATE -> new Text(
          "Ny uppgift: " + taskTitle + " (" + number + ")",
          "Uppgiften " + task + " för personuppgiftsincident " + number + " väntar på din grupp.",
          "Ta uppgiften i Tasklist om du arbetar med den.", true);
      case TASK_ASSIGNED -> new Text(
          "Tilldelad uppgift: " + taskTitle + " (" + number + ")",
          "Du har tilldelats uppgiften " + task + " för personuppgiftsincident " + number + ".",
          null, true);
      case TASK_NOT_PICKED_UP -> new Text(
          "Uppgiften väntar fortfarande: " + taskTitle + " (" + number + ")",
          "Ingen har tagit uppgiften " + task + " för personuppgiftsincident " + number + ".",
          "Ta uppgiften i Tasklist, eller se till att någon annan gör det.", true);
      case DEADLINE_REMINDER -> new Text(
          "Påminnelse: fristen för anmälan till IMY närmar sig (" + number + ")",
          "Fristen för en eventuell anmälan av personuppgiftsincident " + number + " till IMY närmar sig.",
          "Se till att incidenten bedöms och att beslutet om anmälan fattas i tid.", true);
      case DEADLINE_ESCALATION -> new Text(
          "Brådskande: fristen för anmälan till IMY går snart ut (" + number + ")",
          "Fristen för en eventuell anmälan av personuppgiftsincident " + number + " till IMY går snart ut "
              + "och incidenten är ännu inte färdigbehandlad.",
          "Se till att beslutet om anmälan fattas och att anmälan görs före fristen.", true);
      case DEADLINE_MISSED -> new Text(
          "Fristen för anmälan till IMY har passerat (" + number + ")",
          "Fristen på 72 timmar för anmälan av personuppgiftsincident " + number + " till IMY har passerat "
              + "utan att incidenten har anmälts eller beslut fattats om att inte anmäla.",
          "Fatta beslut utan ytterligare dröjsmål. En anmälan som görs efter 72 timmar ska innehålla skälen "
              + "till förseningen.", true);
      case SUPPLEMENT_REMINDER -> new Text(
          "Påminnelse: komplettera anmälan till IMY (" + number + ")",
          "Anmälan av personuppgiftsincident " + number + " till IMY var preliminär och ska kompletteras.",
          "Skicka kompletteringen till IMY och registrera den i uppgiften.", false);
      case DATA_SUBJECT_REMINDER -> new Text(
          "Påminnelse: de registrerade ska informeras (" + number + ")",
          "De registrerade som berörs av personuppgiftsincident " + number + " har ännu inte informerats.",
          "Informera dem utan onödigt dröjsmål och registrera det i uppgiften.", false);
      case IMY_ORDER_REMINDER -> new Text(
          "Påminnelse: IMY:s frist för att informera de registrerade närmar sig (" + number + ")",
          "IMY har förelagt " + f.controllerName() + " att informera de registrerade som berörs av "
              + "personuppgiftsincident " + number + ", och fristen närmar sig.",
          "Informera de registrerade före fristen och registrera det i uppgiften.", false);
      case IMY_ORDER_MISSED -> new Text(
          "IMY:s frist för att informera de registrerade har passerat (" + number + ")",
          "Fristen i IMY:s föreläggande att informera de registrerade som berörs av personuppgiftsincident "
              + number + " har passerat utan att informationen är registrerad.",
          "Informera de registrerade utan ytterligare dröjsmål och kontakta IMY om förseningen.", false);
      case CYBER_EARLY_WARNING_REMINDER -> cyberReminder(number, "upplysningen om den betydande incidenten",
          "senast 24 timmar efter att ni fick kännedom om incidenten");
      case CYBER_NOTIFICATION_REMINDER -> cyberReminder(number, "incidentanmälan",
          "senast 72 timmar efter att ni fick kännedom om incidenten");
      case CYBER_FINAL_REPORT_REMINDER -> cyberReminder(number, "slutrapporten (eller en lägesrapport)",
          "senast en månad efter incidentanmälan");
      case CYBER_EARLY_WARNING_MISSED -> cyberMissed(number, "upplysningen om den betydande incidenten");
      case CYBER_NOTIFICATION_MISSED -> cyberMissed(number, "incidentanmälan");
      case CYBER_FINAL_REPORT_MISSED -> cyberMissed(number, "slutrapporten");
      case CYBER_FINAL_REPORT_CHECK_IN -> new Text("Slutrapport enligt cybersäkerhetslagen (" + number + ")",
          "En lägesrapport om den betydande incidenten " + number + " lämnades för en månad sedan. Slutrapporten ska "
              + "lämnas senast en månad efter att incidenten har hanterats.",
          "Lämna slutrapporten om incidenten är hanterad, annars en ny lägesrapport, och registrera den i uppgiften.",
          false);
      case INCIDENT_CLOSED -> new Text(
          "Avslutad: personuppgiftsincident " + number,
          "Personuppgiftsincident " + number + " hos " + f.controllerName() + " är nu utredd och avslutad. "
              + "Tack för att du rapporterade den.",
          null, false);
    };
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
