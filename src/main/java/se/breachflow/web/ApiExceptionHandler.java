package se.breachflow.web;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the project's API as application/problem+json (RFC 9457), never a stack trace. */
@RestControllerAdvice(basePackages = "se.breachflow")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Uppgifterna innehåller fel: se errors.");
    problem.setTitle("Ogiltiga uppgifter");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  /**
   * A refusal from the engine's boundary (workflow/VariableBoundary): what was sent to a step of the process,
   * with the fields named, as engine REST would answer it — here as problem+json.
   */
  @ExceptionHandler(RestException.class)
  ResponseEntity<ProblemDetail> engineRefusal(RestException e) {
    if (e.getCause() instanceof InvalidInputException input) {
      return ResponseEntity.badRequest().body(invalidInput(input));
    }
    HttpStatus status = e.getStatus() == null ? HttpStatus.INTERNAL_SERVER_ERROR
        : HttpStatus.valueOf(e.getStatus().getStatusCode());
    if (status.is5xxServerError()) {
      return ResponseEntity.status(status).body(unexpected(e));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("Begäran kunde inte utföras");
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Hittades inte");
    return problem;
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "Du har inte behörighet till detta.");
    problem.setTitle("Åtkomst nekad");
    return problem;
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("Unexpected error in the API", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Ett oväntat fel inträffade. Inget har sparats; försök igen eller kontakta administratören.");
    problem.setTitle("Internt fel");
    return problem;
  }

  /** A body that is not JSON, or a value of the wrong JSON type. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Innehållet kunde inte läsas som JSON.");
    problem.setTitle("Ogiltiga uppgifter");
    problem.setProperty("errors", List.of(new FieldError("body", "Skicka ett JSON-objekt.")));
    return ResponseEntity.badRequest().body(problem);
  }
}
