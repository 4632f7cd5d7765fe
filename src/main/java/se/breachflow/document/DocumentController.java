package se.breachflow.document;


import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.IncidentAccess;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.web.ApiProblems;
import se.breachflow.shared.Echo;
import se.breachflow.shared.NotFoundException;

/** Downloads: an incident's documents (PDF). (The register's export is register/RegisterController.) */
@RestController
class DocumentController {

  /** {@code filed} (kept as sent), {@code draft} or {@code generated}. */
  static final String STATE_HEADER = "X-Document-State";

  private final IncidentRepository incidents;
  private final IncidentAccess access;
  private final IncidentDocuments documents;

  DocumentController(IncidentRepository incidents, IncidentAccess access, IncidentDocuments documents) {
    this.incidents = incidents;
    this.access = access;
    this.documents = documents;
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
    headers.set(IncidentDocuments.SHA256_HEADER, document.sha256());
    headers.set(STATE_HEADER, document.filed() ? "filed" : document.draft() ? "draft" : "generated");
    if (document.filed()) {
      headers.set("X-Document-Version", String.valueOf(document.version()));
    }
    headers.setCacheControl("no-store");
    return ResponseEntity.ok().headers(headers).body(document.content());
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
}
