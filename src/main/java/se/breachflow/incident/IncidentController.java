package se.breachflow.incident;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

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
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.incident.Fields;
import se.breachflow.shared.Echo;
import se.breachflow.shared.NotFoundException;
import se.breachflow.shared.Times;

/** The incident API: report an incident (starts the process), list those the user may see, read one. */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

  static final int MAX_PAGE_SIZE = 200;

  private final Process process;
  private final IncidentRepository incidents;
  private final ControllerRegistry controllers;
  private final IncidentAccess access;

  IncidentController(Process process, IncidentRepository incidents, ControllerRegistry controllers,
      IncidentAccess access) {
    this.process = process;
    this.incidents = incidents;
    this.controllers = controllers;
    this.access = access;
  }

  /**
   * Reports an incident; the reporter is the logged-in user. The body's fields go to the process's start as they
   * are, where the boundary (workflow/VariableBoundary) checks them as it checks the start form: a field that
   * is not the report's is refused, never dropped in silence.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IncidentView> report(@RequestBody Map<String, Object> body) {
    Map<String, Object> variables = new HashMap<>(body);
    // The API's "processor" (a name or null) stands for the form's "processor involved" too.
    if (body.containsKey(Fields.PROCESSOR.name())
        && !body.containsKey(Fields.PROCESSOR_INVOLVED.name())) {
      variables.put(Fields.PROCESSOR_INVOLVED.name(), body.get(Fields.PROCESSOR.name()) != null);
    }
    String number = process.report(variables);
    Incident incident = incidents.find(number)
        .orElseThrow(() -> new IllegalStateException("The report " + number + " was not registered"));
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
    return IncidentView.of(incident, controllers, process.openTasks(incident.number()),
        incidents.auditTrail(incident.number()), Times.now());
  }
}
