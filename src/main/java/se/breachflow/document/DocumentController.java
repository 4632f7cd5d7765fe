package se.breachflow.document;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.CurrentUser;
import se.breachflow.access.IncidentAccess;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.web.ApiProblems;
import se.breachflow.shared.Echo;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.NotFoundException;
import se.breachflow.web.Period;

/** Downloads: an incident's documents (PDF) and the register (PDF or CSV). */
@RestController
class DocumentController {

  /** The SHA-256 of the bytes sent (hex); for a filed document, the one stored when it was filed. */
  static final String SHA256_HEADER = "X-Content-SHA256";
  /** {@code filed} (kept as sent), {@code draft} or {@code generated}. */
  static final String STATE_HEADER = "X-Document-State";
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final IncidentRepository incidents;
  private final IncidentAccess access;
  private final CurrentUser currentUser;
  private final IncidentDocuments documents;
  private final IncidentRegister register;
  private final ControllerRegistry controllers;

  DocumentController(IncidentRepository incidents, IncidentAccess access, CurrentUser currentUser,
      IncidentDocuments documents, IncidentRegister register, ControllerRegistry controllers) {
    this.incidents = incidents;
    this.access = access;
    this.currentUser = currentUser;
    this.documents = documents;
    this.register = register;
    this.controllers = controllers;
  }

  @GetMapping("/api/incidents/{number}/documents/{kind}")
  ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable String kind) {
    Incident incident = incidents.find(number)
        // Documents are case data (docs/adr/0005-access.md): the reporter's view does not include them.
        .filter(found -> access.currentUserPartIn(found.controllerId(), found.reporterId()).seesCase())
        .orElseThrow(() -> new NotFoundException("Incidenten " + Echo.of(number) + " finns inte."));
    DocumentKind documentKind = DocumentKind.bySlug(kind)
        .orElseThrow(() -> new NotFoundException("Dokumentet " + Echo.of(kind) + " finns inte. Välj imy-notification, "
            + "imy-supplement, data-subject-letter eller incident-report."));
    IncidentDocuments.Document document = documents.get(incident, documentKind);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(ContentDisposition.inline()
        .filename(number + "-" + documentKind.fileName() + ".pdf").build());
    headers.set(SHA256_HEADER, document.sha256());
    headers.set(STATE_HEADER, document.filed() ? "filed" : document.draft() ? "draft" : "generated");
    if (document.filed()) {
      headers.set("X-Document-Version", String.valueOf(document.version()));
    }
    headers.setCacheControl("no-store");
    return ResponseEntity.ok().headers(headers).body(document.content());
  }

  @GetMapping("/api/register")
  ResponseEntity<byte[]> register(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String controller,
      @RequestParam(required = false, defaultValue = "pdf") String format) {
    List<FieldError> errors = new ArrayList<>();
    Period period = null;
    try {
      period = Period.parse(from, to);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    if (!format.equals("pdf") && !format.equals("csv")) {
      errors.add(new FieldError("format", "Välj format pdf eller csv."));
    }
    if (controller != null && !controller.isBlank() && controllers.find(controller).isEmpty()) {
      errors.add(new FieldError("controller", "Den personuppgiftsansvarige '" + Echo.of(controller) + "' finns inte."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Registret kunde inte tas fram", errors);
    }
    List<DataController> visible = register.visibleTo(currentUser.groups());
    List<DataController> of = visible;
    if (controller != null && !controller.isBlank()) {
      of = visible.stream().filter(c -> c.id().equals(controller)).toList();
      if (of.isEmpty()) {
        throw new RegisterForbiddenException();
      }
    }
    LocalDate fromDate = period.first();
    LocalDate toDate = period.last();
    List<Register.Entry> entries = register.entries(of, fromDate, toDate);
    String name = "register-personuppgiftsincidenter" + (controller == null || controller.isBlank() ? ""
        : "-" + controller) + (fromDate == null ? "" : "-" + fromDate) + (toDate == null ? "" : "-" + toDate);
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl("no-store");
    byte[] body;
    if (format.equals("csv")) {
      body = Register.csv(entries);
      headers.setContentType(CSV);
      headers.setContentDisposition(ContentDisposition.attachment().filename(name + ".csv").build());
    } else {
      body = register.pdf(of, fromDate, toDate, entries);
      headers.setContentType(MediaType.APPLICATION_PDF);
      headers.setContentDisposition(ContentDisposition.inline().filename(name + ".pdf").build());
    }
    headers.set(SHA256_HEADER, IncidentDocuments.sha256(body));
    return ResponseEntity.ok().headers(headers).body(body);
  }

  @ExceptionHandler(IncidentDocuments.NoNotificationException.class)
  ResponseEntity<Object> noNotification(IncidentDocuments.NoNotificationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Ingen anmälan att komplettera");
    return ApiProblems.response(problem);
  }

  @ExceptionHandler(IncidentDocuments.RemovedException.class)
  ResponseEntity<Object> removed(IncidentDocuments.RemovedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
    problem.setTitle("Dokumentet har gallrats");
    problem.setProperty("sha256", e.document.sha256());
    problem.setProperty("version", e.document.version());
    return ApiProblems.response(problem);
  }

  @ExceptionHandler(RegisterForbiddenException.class)
  ResponseEntity<Object> forbidden(RegisterForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "Du har inte behörighet till den personuppgiftsansvariges register.");
    problem.setTitle("Åtkomst nekad");
    return ApiProblems.response(problem);
  }

  /** The user asked for the register of a controller they do not oversee. */
  static class RegisterForbiddenException extends RuntimeException {}
}
