package se.breachflow.incident;

import static se.breachflow.process.ProcessVariables.BREACH_TYPES;
import static se.breachflow.process.ProcessVariables.CAUSE;
import static se.breachflow.process.ProcessVariables.CONTROLLER_ID;
import static se.breachflow.process.ProcessVariables.DATA_CATEGORIES;
import static se.breachflow.process.ProcessVariables.DATA_SUBJECT_COUNT;
import static se.breachflow.process.ProcessVariables.DESCRIPTION;
import static se.breachflow.process.ProcessVariables.DISCOVERED_AT;
import static se.breachflow.process.ProcessVariables.MEASURES_TAKEN;
import static se.breachflow.process.ProcessVariables.OCCURRED_AT;
import static se.breachflow.process.ProcessVariables.PROCESSOR;
import static se.breachflow.process.ProcessVariables.PROCESSOR_INVOLVED;
import static se.breachflow.process.ProcessVariables.PROCESSOR_NOTIFIED_AT;
import static se.breachflow.process.ProcessVariables.RECIPIENT;
import static se.breachflow.process.ProcessVariables.RECIPIENT_CONFIRMED_DELETION;
import static se.breachflow.process.ProcessVariables.VULNERABLE_SUBJECTS;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.IncidentAccess;
import se.breachflow.access.IncidentAccess.Part;
import se.breachflow.access.SystemCalls;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.process.BpmnIds;
import se.breachflow.process.Variable;
import se.breachflow.web.Echo;
import se.breachflow.web.NotFoundException;
import se.breachflow.web.Times;

/** The incident API: report an incident (starts the process), list those the user may see, read one. */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

  static final int MAX_PAGE_SIZE = 200;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IncidentRepository incidents;
  private final ControllerRegistry controllers;
  private final IncidentAccess access;
  private final SystemCalls system;
  private final ReportValidator validator;

  IncidentController(RuntimeService runtime, TaskService tasks, IncidentRepository incidents,
      ControllerRegistry controllers, IncidentAccess access, SystemCalls system, ReportValidator validator) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.incidents = incidents;
    this.controllers = controllers;
    this.access = access;
    this.system = system;
    this.validator = validator;
  }

  /**
   * Reports an incident; the reporter is the logged-in user. The report is checked here, before the engine
   * sees anything, and only the checked values, in their types, become process variables: a bad field is a
   * 400 naming it, and a value the check passes over (the recipient of a breach that is not a misdirected
   * message, say) cannot reach the engine, and its history, as it was sent.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IncidentView> report(@RequestBody Map<String, Object> body) {
    ReportValidator.ValidReport valid = validator.validate(name -> submitted(body, name), Times.now());
    ProcessInstance instance = runtime.createProcessInstanceByKey(BpmnIds.PROCESS).setVariables(variables(valid))
        .execute();
    Incident incident = incidents.findByProcessInstance(instance.getId())
        .or(() -> incidents.find(instance.getBusinessKey()))
        .orElseThrow(() -> new IllegalStateException("The report was not registered"));
    Part part = access.currentUserPartIn(incident.controllerId(), incident.reporterId());
    return ResponseEntity.created(URI.create("/api/incidents/" + incident.number())).body(viewFor(part, incident));
  }

  /**
   * The incident as the user's part allows (access/IncidentAccess): the whole case, or the reporter's view.
   * 404 when the user has no part in it: existence alone would tell something.
   */
  @GetMapping("/{number}")
  IncidentView get(@PathVariable String number) {
    Incident incident = incidents.find(number).orElseThrow(() -> notFound(number));
    Part part = access.currentUserPartIn(incident.controllerId(), incident.reporterId());
    if (!part.sees()) {
      throw notFound(number);
    }
    return viewFor(part, incident);
  }

  private static NotFoundException notFound(String number) {
    return new NotFoundException("Incidenten " + Echo.of(number) + " finns inte.");
  }

  private IncidentView viewFor(Part part, Incident incident) {
    return part.seesCase() ? view(incident) : IncidentView.forReporter(incident, controllers, Times.now());
  }

  private IncidentView view(Incident incident) {
    List<IncidentView.OpenTask> open = system.run(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(incident.number()).list()).stream()
        .map(task -> new IncidentView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
            task.getAssignee(), task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant()))
        .toList();
    return IncidentView.of(incident, controllers, open, incidents.auditTrail(incident.number()), Times.now());
  }

  /** The body's value; the API's {@code processor} (a name or null) stands for the form's "processor involved". */
  private static Object submitted(Map<String, Object> body, String name) {
    if (name.equals(PROCESSOR_INVOLVED.name()) && !body.containsKey(name) && body.containsKey(PROCESSOR.name())) {
      return body.get(PROCESSOR.name()) != null;
    }
    return body.get(name);
  }

  /** The checked report as the start form's variables, in the engine's types. */
  private static Map<String, Object> variables(ReportValidator.ValidReport valid) {
    IncidentReport report = valid.report();
    Map<String, Object> variables = new HashMap<>();
    put(variables, CONTROLLER_ID, valid.controllerId());
    put(variables, DESCRIPTION, report.description());
    put(variables, CAUSE, report.cause());
    put(variables, OCCURRED_AT, report.occurredAt());
    put(variables, DISCOVERED_AT, report.discoveredAt());
    put(variables, BREACH_TYPES, report.breachTypes());
    put(variables, DATA_CATEGORIES, report.dataCategories());
    put(variables, DATA_SUBJECT_COUNT, report.dataSubjectCount());
    put(variables, VULNERABLE_SUBJECTS, report.vulnerableSubjects());
    put(variables, RECIPIENT, report.recipient());
    put(variables, RECIPIENT_CONFIRMED_DELETION, report.recipientConfirmedDeletion());
    put(variables, PROCESSOR_INVOLVED, report.processor() != null);
    put(variables, PROCESSOR, report.processor());
    put(variables, PROCESSOR_NOTIFIED_AT, report.processorNotifiedAt());
    put(variables, MEASURES_TAKEN, report.measuresTaken());
    return variables;
  }

  private static <T> void put(Map<String, Object> variables, Variable<T> variable, T value) {
    if (value != null) {
      variables.put(variable.name(), variable.toEngineValue(value));
    }
  }
}
