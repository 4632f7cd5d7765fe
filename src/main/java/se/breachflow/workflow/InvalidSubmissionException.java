package se.breachflow.workflow;

import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.rest.exception.RestException;

import se.breachflow.shared.InvalidInputException;

/**
 * A submission the boundary refused: fields the step does not own, or values its rules refuse. It is a
 * {@link RestException} with status 400 because that is what engine REST (and Tasklist, which uses it) answers
 * 400 for on every path a submission takes — start, submit-form, complete, resolve — where an engine exception
 * would become a 500. The project's API unwraps the {@link InvalidInputException} it carries.
 */
public class InvalidSubmissionException extends RestException {

  private final InvalidInputException input;

  InvalidSubmissionException(InvalidInputException input) {
    super(Response.Status.BAD_REQUEST, input, input.title() + ": " + input.errors().stream()
        .map(error -> error.reason() + " (" + error.field() + ")").collect(Collectors.joining(" ")));
    this.input = input;
  }

  public InvalidInputException input() {
    return input;
  }
}
