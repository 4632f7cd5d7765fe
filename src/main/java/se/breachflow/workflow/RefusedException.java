package se.breachflow.workflow;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Something the boundary refuses to a person, whatever they send: setting variables directly, moving a case,
 * re-routing a task and the like. Status 403 on every engine REST path, for the same reason as
 * {@link InvalidSubmissionException}: several resources turn any engine exception into a 400 or a 500.
 */
public class RefusedException extends RestException {

  RefusedException(String reason) {
    super(Response.Status.FORBIDDEN, reason);
  }
}
