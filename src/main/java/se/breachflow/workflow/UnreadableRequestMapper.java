package se.breachflow.workflow;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * Engine REST's answer to a request it cannot read. Camunda converts a request's variables before any engine
 * command runs, and some malformed bodies fail there with a plain runtime exception — a {@code null} body or
 * variable, a type of {@code ""}, a {@code File} without its {@code valueInfo} — which Camunda's catch-all
 * answers with a 500. A runtime exception raised by Camunda's REST layer while no engine command was running is
 * the request's fault: 400, in engine REST's own error shape, with a Swedish message and nothing of the
 * server's insides. Everything else is answered as Camunda answers it.
 *
 * <p>Registered for engine REST ({@code /engine-rest}) and for the webapps' engine API
 * ({@code /camunda/api/engine}, Tasklist's and Cockpit's calls) by {@link EngineRestConfiguration}.
 */
@Provider
public class UnreadableRequestMapper implements ExceptionMapper<RuntimeException> {

  static final String MESSAGE = "Anropet kunde inte läsas: skicka ett JSON-objekt där varje variabel har ett värde "
      + "och en giltig typ.";

  @Override
  public Response toResponse(RuntimeException exception) {
    if (unreadableRequest(exception)) {
      return ExceptionHandlerHelper.getInstance().getResponse(
          new InvalidRequestException(Response.Status.BAD_REQUEST, MESSAGE));
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  /** Thrown in Camunda's REST layer, and no engine command had started. */
  static boolean unreadableRequest(Throwable exception) {
    boolean rest = false;
    for (StackTraceElement frame : exception.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("org.camunda.bpm.engine.impl.interceptor.")) {
        return false;
      }
      rest |= type.startsWith("org.camunda.bpm.engine.rest.");
    }
    return rest;
  }
}
