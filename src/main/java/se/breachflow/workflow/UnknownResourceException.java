package se.breachflow.workflow;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A task or process definition that the boundary looked up and did not find: 404 with a Swedish message. Camunda's
 * own answer on these paths was a 500 ({@code Cannot submit task form …: Cannot find task with id …}), because
 * its REST resources wrap any engine exception of a start or a completion; a {@link RestException} keeps its
 * status on every path.
 */
public class UnknownResourceException extends RestException {

  private UnknownResourceException(String message) {
    super(Response.Status.NOT_FOUND, message);
  }

  static UnknownResourceException task() {
    return new UnknownResourceException("Uppgiften finns inte: den kan redan vara slutförd.");
  }

  static UnknownResourceException processDefinition() {
    return new UnknownResourceException("Processdefinitionen finns inte.");
  }
}
