package se.breachflow.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import se.breachflow.shared.InvalidFieldException;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.ConflictException;
import se.breachflow.shared.ForbiddenException;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.NotFoundException;

/**
 * Every error of the project's API controllers as application/problem+json (RFC 9457) in Swedish, whatever
 * the client accepts, never a stack trace; bad fields are named in {@code errors: [{field, reason}]}. Errors
 * decided before a controller is chosen (unknown path, method, media types) and errors of filters are
 * answered by ApiErrorController, and those of the servlet container by ApiErrorReportValve, with the same
 * texts (ApiProblems).
 */
@RestControllerAdvice(basePackages = "se.breachflow")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Object> invalidInput(InvalidInputException e) {
    return ApiProblems.response(ApiProblems.invalid(e.errors()));
  }

  /** A value that reached a typed variable outside a form check: still bad input, named. */
  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<Object> invalidVariable(InvalidFieldException e) {
    return ApiProblems.response(ApiProblems.invalid(List.of(new FieldError(e.variable(), e.reason()))));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT);
    problem.setDetail(e.getMessage());
    return ApiProblems.response(problem);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    ProblemDetail problem = ApiProblems.of(HttpStatus.NOT_FOUND);
    problem.setDetail(e.getMessage());
    return ApiProblems.response(problem);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e) {
    ProblemDetail problem = ApiProblems.of(HttpStatus.FORBIDDEN);
    if (e.getMessage() != null) {
      problem.setDetail(e.getMessage()); // Swedish, and says only what the caller may not do
    }
    return ApiProblems.response(problem);
  }

  @ExceptionHandler(ApiRequests.BodyTooLargeException.class)
  ResponseEntity<Object> tooLarge(ApiRequests.BodyTooLargeException e) {
    return ApiProblems.response(ApiProblems.of(HttpStatus.PAYLOAD_TOO_LARGE));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    LOG.error("Unexpected error in the API", e);
    return ApiProblems.response(ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR));
  }

  /** A body that is not JSON, or of the wrong JSON type, or that grew over the limit while it was read. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (NestedExceptionUtils.getMostSpecificCause(e) instanceof ApiRequests.BodyTooLargeException) {
      return ApiProblems.response(ApiProblems.of(HttpStatus.PAYLOAD_TOO_LARGE));
    }
    ProblemDetail problem = ApiProblems.invalid(List.of(new FieldError("body", "Skicka ett JSON-objekt.")));
    problem.setDetail("Innehållet kunde inte läsas som JSON.");
    return ApiProblems.response(problem);
  }

  /** A request parameter that is not of its type ({@code page=första}, {@code dryRun=kanske}). */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
    Class<?> type = e.getRequiredType();
    String reason = type == Boolean.class || type == boolean.class ? "Ange true eller false."
        : type == Integer.class || type == int.class || type == Long.class || type == long.class ? "Ange ett heltal."
        : "Värdet har fel form.";
    return ApiProblems.response(ApiProblems.invalid(List.of(new FieldError(field, reason))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ApiProblems.response(ApiProblems.invalid(List.of(new FieldError(e.getParameterName(), "Uppgiften saknas."))));
  }

  /** Spring's other standard errors (404, 405, 406, 415, ...) keep their status and headers, in Swedish. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = body instanceof ProblemDetail given && given.getProperties() != null ? given
        : ApiProblems.of(status);
    return ApiProblems.response(problem, headers);
  }
}
