package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.DEADLINE_TEXT;
import static se.breachflow.incident.Fields.INCIDENT_NUMBER;
import static se.breachflow.incident.Fields.INCIDENT_SUMMARY;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.breachflow.access.People;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.CyberTrack;
import se.breachflow.incident.Fields;
import se.breachflow.incident.Incident;
import se.breachflow.organisation.CyberAuthority;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.shared.Times;

/** The form of each user task, and what a form shows when it is opened. */
@Component
public class TaskForms {

  private final Map<Step, TaskForm> byStep;
  private final ControllerRegistry controllers;
  private final CyberAuthority cyberAuthority;
  private final People people;

  public TaskForms(List<TaskForm> forms, ControllerRegistry controllers, CyberAuthority cyberAuthority,
      People people) {
    this.byStep = forms.stream().collect(Collectors.toMap(TaskForm::step, Function.identity()));
    this.controllers = controllers;
    this.cyberAuthority = cyberAuthority;
    this.people = people;
  }

  /**
   * What the form's script reads besides the form's own values: the server's "now" when the values were read, so
   * that Tasklist counts the deadlines' time left on from the engine's clock (tasklist/scripts/breachflow.js).
   */
  public static final String SHOWN_AT = "shownAt";

  /** The form of the step. */
  public TaskForm of(Step step) {
    TaskForm form = byStep.get(step);
    if (form == null) {
      throw new IllegalStateException("No form for the step " + step);
    }
    return form;
  }

  /**
   * What the form shows, read from the record when it is shown: its fields, the summary that heads every
   * form and the IMY deadline with the time left as of {@code now}. Java values; null for empty fields.
   */
  public Map<String, Object> shown(TaskForm form, Incident incident, Instant now) {
    Map<String, Object> values = new LinkedHashMap<>(form.load(incident));
    values.put(INCIDENT_NUMBER, incident.number());
    values.put(INCIDENT_SUMMARY, IncidentSummary.of(incident, controllers, id -> name(people, id)));
    values.put(DEADLINE_TEXT, deadline(incident.authorityDeadline(), now));
    values.put(Fields.CYBER_DEADLINE_TEXT, cyberDeadlines(incident, now));
    values.put(Fields.CYBER_AUTHORITY, cyberAuthority.name() + " (" + cyberAuthority.unit() + ")");
    values.put(SHOWN_AT, now.toString());
    return values;
  }

  /**
   * A deadline with the time left, and when it has passed, that the case is late: "2026-12-01 kl. 08:24 (passerad
   * för 3 timmar sedan – ärendet är försenat)". Tasklist's script counts the time left on while the form is open.
   */
  static String deadline(Instant deadline, Instant now) {
    String text = Times.displayDeadline(deadline, now);
    return deadline != null && deadline.isBefore(now) && text.endsWith(")")
        ? text.substring(0, text.length() - 1) + " – ärendet är försenat)"
        : text;
  }

  /** A person's name as the identity service has it, or the user id when it has none. */
  static String name(People people, String userId) {
    if (userId == null) {
      return "";
    }
    return people.find(userId).map(People.Person::name).filter(name -> name != null && !name.isBlank())
        .orElse(userId);
  }

  /** The CSIRT reports' deadlines and what is filed, for the cyber track's forms. */
  static String cyberDeadlines(Incident incident, Instant now) {
    CyberTrack cyber = incident.cyber();
    if (cyber == null || !cyber.significantIncident()) {
      return "Ingen betydande incident enligt cybersäkerhetslagen.";
    }
    StringBuilder text = new StringBuilder();
    for (CyberReportKind kind : List.of(CyberReportKind.EARLY_WARNING, CyberReportKind.NOTIFICATION,
        CyberReportKind.FINAL_REPORT)) {
      CyberTrack.CyberReport filed = cyber.report(kind);
      Instant deadline = cyber.deadline(kind);
      text.append(text.isEmpty() ? "" : "  \n").append("**").append(kind.label()).append(":** ");
      if (filed != null) {
        text.append("lämnad ").append(Times.display(filed.filedAt()));
      } else if (deadline != null) {
        text.append(deadline(deadline, now));
      } else {
        text.append("frist efter incidentanmälan");
      }
    }
    return text.toString();
  }
}
