package se.breachflow.incident;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.CurrentUser;
import se.breachflow.access.IncidentAccess;
import se.breachflow.access.IncidentAccess.Part;
import se.breachflow.shared.ConflictException;
import se.breachflow.shared.Echo;
import se.breachflow.shared.Field;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.ForbiddenException;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.NotFoundException;
import se.breachflow.shared.Times;

/**
 * The cyber track's API: the authority asked for a delrapport (cybersäkerhetslagen 2 kap. 7 §), recorded by those
 * who work the case; the track then has a task for it, due when the authority wants it.
 */
@RestController
@RequestMapping(path = "/api/incidents/{number}/cyber", produces = MediaType.APPLICATION_JSON_VALUE)
class CyberController {

  static final Field<Instant> REQUESTED_AT = Field.instant("requestedAt");
  static final Field<Instant> DUE_AT = Field.instant("dueAt");

  private final IncidentRepository incidents;
  private final IncidentAccess access;
  private final Process process;
  private final CyberDecisions decisions;
  private final CurrentUser currentUser;

  CyberController(IncidentRepository incidents, IncidentAccess access, Process process, CyberDecisions decisions,
      CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.incidents = incidents;
    this.access = access;
    this.process = process;
    this.decisions = decisions;
  }

  /** The decision as recorded. */
  record Decided(String number, boolean significant, String reason, String decidedBy, Instant earlyWarningDeadline,
      Instant notificationDeadline) {}

  /**
   * Decides, after the assessment, whether the incident is a significant incident (2 kap. 5 §): by those who work
   * the case. A significant incident starts the cyber track with its deadlines from awareness. Once significant it
   * stays so (the reports run); 409 for a change back.
   */
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  Decided decide(@PathVariable String number, @RequestBody Map<String, Object> body) {
    Incident incident = worked(number);
    FormReader in = new FormReader(body::get);
    unknown(body, List.of(Fields.CYBER_SIGNIFICANT.name(), Fields.CYBER_SIGNIFICANT_REASON.name()), in);
    Boolean significant = in.required(Fields.CYBER_SIGNIFICANT, "Ange om incidenten är betydande (true eller false).");
    String reason = in.required(Fields.CYBER_SIGNIFICANT_REASON, "Ange varför.");
    in.throwIfInvalid("Bedömningen kunde inte sparas");
    if (incident.cyber() != null && incident.cyber().significantIncident()) {
      throw new ConflictException("Incidenten " + incident.number() + " är redan bedömd som betydande, och "
          + "rapporteringen enligt cybersäkerhetslagen har börjat.");
    }
    String userId = currentUser.id();
    CyberDecisions.Deadlines due = decisions.decide(incident, significant, reason, userId);
    if (significant && !process.startCyberTrack(incident.number(), due.earlyWarning(), due.notification())) {
      throw new ConflictException("Ärendet " + incident.number() + " kan inte längre få rapporteringen enligt "
          + "cybersäkerhetslagen i breachflow (processen har avslutats eller är av en äldre version). Rapportera "
          + "utanför breachflow.");
    }
    return new Decided(incident.number(), significant, reason, userId, due == null ? null : due.earlyWarning(),
        due == null ? null : due.notification());
  }

  /** The incident, for one who works it: 404 for one who may not see it, 403 for management (who read). */
  private Incident worked(String number) {
    Incident incident = incidents.find(number)
        .orElseThrow(() -> new NotFoundException("Incidenten " + Echo.of(number) + " finns inte."));
    Part part = access.currentUserPartIn(incident.controllerId(), incident.reporterId());
    if (!part.seesCase()) {
      throw new NotFoundException("Incidenten " + Echo.of(number) + " finns inte.");
    }
    if (part == Part.MANAGEMENT) {
      throw new ForbiddenException("Ledningen kan läsa ärendet men inte registrera något i det.");
    }
    return incident;
  }

  private static void unknown(Map<String, Object> body, List<String> allowed, FormReader in) {
    in.errors(FieldError.unknown(body.keySet(), allowed, "Fältet finns inte här"));
  }

  /** The request as recorded. */
  record IntermediateRequest(String number, Instant requestedAt, Instant dueAt) {}

  /**
   * 201 with the request. 404 for one who may not see the case, 403 for management (who read, not work), 400
   * naming a bad field, 409 when the case is no significant incident or its reports are no longer running.
   */
  @PostMapping(path = "/intermediate-report-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  ResponseEntity<IntermediateRequest> requestIntermediateReport(@PathVariable String number,
      @RequestBody Map<String, Object> body) {
    Incident incident = worked(number);
    FormReader in = new FormReader(body::get);
    unknown(body, List.of(REQUESTED_AT.name(), DUE_AT.name()), in);
    Instant now = Times.now();
    Instant requestedAt = in.read(REQUESTED_AT);
    Instant dueAt = in.required(DUE_AT, "Ange när myndigheten vill ha delrapporten.");
    if (requestedAt != null && requestedAt.isAfter(now.plus(Times.CLOCK_TOLERANCE))) {
      in.error(REQUESTED_AT, "Myndigheten kan inte ha begärt delrapporten i framtiden.");
    }
    Instant asked = requestedAt == null ? now : requestedAt;
    if (dueAt != null && dueAt.isBefore(asked)) {
      in.error(DUE_AT, "Delrapporten kan inte vara begärd till en tid före begäran.");
    }
    in.throwIfInvalid("Begäran om delrapport kunde inte registreras");
    if (incident.cyber() == null || !incident.cyber().significantIncident()) {
      throw new ConflictException("Incidenten " + incident.number() + " är inte en betydande incident enligt "
          + "cybersäkerhetslagen: det finns ingen rapportering att begära en delrapport i.");
    }
    incidents.saveCyberIntermediateRequest(incident.number(), asked, dueAt);
    if (!process.requestCyberIntermediateReport(incident.number(), dueAt)) {
      throw new ConflictException("Rapporteringen enligt cybersäkerhetslagen pågår inte längre i ärendet "
          + incident.number() + ". Registrera delrapporten utanför breachflow.");
    }
    return ResponseEntity.created(URI.create("/api/incidents/" + incident.number()))
        .body(new IntermediateRequest(incident.number(), asked, dueAt));
  }
}
