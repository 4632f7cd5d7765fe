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

import se.breachflow.incident.Incident;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.shared.Times;

/** The form of each user task, and what a form shows when it is opened. */
@Component
public class TaskForms {

  private final Map<Step, TaskForm> byStep;
  private final ControllerRegistry controllers;

  public TaskForms(List<TaskForm> forms, ControllerRegistry controllers) {
    this.byStep = forms.stream().collect(Collectors.toMap(TaskForm::step, Function.identity()));
    this.controllers = controllers;
  }

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
    values.put(INCIDENT_SUMMARY, IncidentSummary.of(incident, controllers));
    values.put(DEADLINE_TEXT, Times.displayDeadline(incident.authorityDeadline(), now));
    return values;
  }
}
