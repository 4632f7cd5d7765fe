package se.breachflow.incident.task;

import static se.breachflow.process.ProcessVariables.DEADLINE_TEXT;
import static se.breachflow.process.ProcessVariables.INCIDENT_SUMMARY;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.process.FormReader;
import se.breachflow.web.Times;

/**
 * Binds every user task's form to the incident record ({@code camunda:taskListener} on create and complete).
 * The fields exist in the engine only as task-local variables while the task is open, so the free texts
 * never reach the process instance, and they are gone when the task is.
 */
@Component("taskFormListener")
public class TaskFormListener implements TaskListener {

  private static final DateTimeFormatter FORM_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  private final Map<String, TaskForm> forms;
  private final IncidentRepository incidents;
  private final ControllerRegistry controllers;

  public TaskFormListener(List<TaskForm> forms, IncidentRepository incidents, ControllerRegistry controllers) {
    this.forms = forms.stream().collect(Collectors.toMap(TaskForm::taskDefinitionKey, f -> f));
    this.incidents = incidents;
    this.controllers = controllers;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = forms.get(task.getTaskDefinitionKey());
    if (form == null) {
      throw new IllegalStateException("No form binding for user task " + task.getTaskDefinitionKey());
    }
    Incident incident = incidents.find(task.getExecution().getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("No incident for task " + task.getId()));
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> open(form, incident, task);
      case EVENTNAME_COMPLETE -> form.complete(incident, new FormReader(task::getVariableLocal), task, userId(task));
      default -> { }
    }
  }

  private void open(TaskForm form, Incident incident, DelegateTask task) {
    incidents.updateStatus(incident.number(), form.status());
    incident = incidents.find(incident.number()).orElseThrow();
    Map<String, Object> local = new LinkedHashMap<>();
    form.load(incident).forEach((name, value) -> local.put(name, toFormValue(value)));
    local.put(INCIDENT_SUMMARY.name(), IncidentSummary.of(incident, controllers));
    local.put(DEADLINE_TEXT.name(), Times.displayDeadline(incident.authorityDeadline(), Times.now()));
    task.setVariablesLocal(local);
  }

  /** Values in the shapes Tasklist's form-js fields expect. */
  static Object toFormValue(Object value) {
    if (value instanceof Instant instant) {
      return FORM_DATETIME.format(instant.truncatedTo(ChronoUnit.MINUTES).atZone(Times.STOCKHOLM));
    }
    if (value instanceof Collection<?> values) {
      String json = values.stream().map(v -> "\"" + (v instanceof Enum<?> e ? e.name() : v) + "\"")
          .collect(Collectors.joining(",", "[", "]"));
      return SpinValues.jsonValue(json).create();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value;
  }

  private static String userId(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
