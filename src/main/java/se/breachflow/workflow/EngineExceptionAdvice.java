package se.breachflow.workflow;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.breachflow.shared.InvalidInputException;
import se.breachflow.web.ApiProblems;

/**
 * The engine's errors as the project's API answers them (problem+json, see web/ApiExceptionHandler): a missing
 * Camunda authorization is a 403, and a refusal of the boundary (VariableBoundary) is what it says — a 400 naming
 * the fields, or a 403.
 */
@RestControllerAdvice(basePackages = "se.breachflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineExceptionAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(EngineExceptionAdvice.class);

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> forbidden(AuthorizationException e) {
    return ApiProblems.response(ApiProblems.of(HttpStatus.FORBIDDEN));
  }

  @ExceptionHandler(RestException.class)
  ResponseEntity<Object> refused(RestException e) {
    if (e.getCause() instanceof InvalidInputException input) {
      return ApiProblems.response(ApiProblems.invalid(input.errors()));
    }
    HttpStatus status = e.getStatus() == null ? HttpStatus.INTERNAL_SERVER_ERROR
        : HttpStatus.valueOf(e.getStatus().getStatusCode());
    ProblemDetail problem = ApiProblems.of(status);
    if (status.is5xxServerError()) {
      LOG.error("Unexpected error in the API", e);
    } else {
      problem.setDetail(e.getMessage());
    }
    return ApiProblems.response(problem);
  }
}
