package se.breachflow.document;

import java.util.Arrays;
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

import se.breachflow.access.IncidentAccess;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.web.ApiProblems;
import se.breachflow.shared.Echo;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.NotFoundException;

/**
 * Downloads: an incident's documents (PDF; the EDPB-template export also as JSON, {@code ?format=json}). (The
 * register's export is register/RegisterController.)
 */
@RestController
class DocumentController {

  /** {@code filed} (kept as sent), {@code draft} or {@code generated}. */
  static final String STATE_HEADER = "X-Document-State";
  /** The documents there are, for the answer to an unknown one: "imy-notification, … eller cyber-final-report". */
  private static final String KINDS;

  static {
    List<String> slugs = Arrays.stream(DocumentKind.values()).map(DocumentKind::slug).toList();
    KINDS = String.join(", ", slugs.subList(0, slugs.size() - 1)) + " eller " + slugs.get(slugs.size() - 1);
  }

  private final IncidentRepository incidents;
  private final IncidentAccess access;
  private final IncidentDocuments documents;

  DocumentController(IncidentRepository incidents, IncidentAccess access, IncidentDocuments documents) {
    this.incidents = incidents;
    this.access = access;
    this.documents = documents;
  }

  @GetMapping("/api/incidents/{number}/documents/{kind}")
  ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable String kind,
      @RequestParam(required = false) String format) {
    Incident incident = incidents.find(number)
        // Documents are case data (docs/adr/0005-access.md): the reporter's view does not include them.
        .filter(found -> access.currentUserPartIn(found.controllerId(), found.reporterId()).seesCase())
        .orElseThrow(() -> new NotFoundException("Incidenten " + Echo.of(number) + " finns inte."));
    DocumentKind documentKind = DocumentKind.bySlug(kind)
        .orElseThrow(() -> new NotFoundException("Dokumentet " + Echo.of(kind) + " finns inte. Välj " + KINDS + "."));
    // Checked after access, so that someone who may not see the incident learns nothing more from a bad format.
    if (json(documentKind, format)) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.setContentDisposition(ContentDisposition.inline()
          .filename(number + "-" + documentKind.fileName() + ".json").build());
      byte[] body = documents.edpbJson(incident);
      headers.set(IncidentDocuments.SHA256_HEADER, IncidentDocuments.sha256(body));
      headers.set(STATE_HEADER, incident.imy() == null ? "draft" : "generated");
      headers.setCacheControl("no-store");
      return ResponseEntity.ok().headers(headers).body(body);
    }
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

  /** Whether JSON is asked for: {@code format} is absent or {@code pdf}, or {@code json} for the EDPB export. */
  private static boolean json(DocumentKind kind, String format) {
    if (format == null || format.equals("pdf")) {
      return false;
    }
    if (kind == DocumentKind.EDPB_NOTIFICATION && format.equals("json")) {
      return true;
    }
    throw new InvalidInputException("Okänt format", List.of(new FieldError("format",
        kind == DocumentKind.EDPB_NOTIFICATION
            ? "Formatet " + Echo.of(format) + " finns inte. Ange format=pdf (förvalt) eller format=json."
            : "Dokumentet finns bara som PDF. Ange format=pdf eller inget format.")));
  }

  @ExceptionHandler(IncidentDocuments.NoNotificationException.class)
  ResponseEntity<Object> noNotification(IncidentDocuments.NoNotificationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Ingen anmälan att komplettera");
    return ApiProblems.response(problem);
  }

  /** Like the supplement without a notification: the request is understood, but the case has no such report. */
  @ExceptionHandler(IncidentDocuments.NotSignificantException.class)
  ResponseEntity<Object> notSignificant(IncidentDocuments.NotSignificantException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Ingen betydande incident enligt cybersäkerhetslagen");
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
