package se.breachflow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spring Boot's error path ({@code /error}) with the API's answer. Errors that no controller of the API saw
 * land here: 404 for an unknown path, 405, 406 and 415 (Spring MVC decides them before choosing a
 * controller), 401 and 413 of the API's filters, and anything a filter or the servlet container throws.
 * Under {@code /api} the answer is {@code application/problem+json} in Swedish whatever the client's Accept
 * header says (Boot would answer its own JSON, or HTML to a browser); elsewhere (the webapps) Boot's answer
 * stays. Never a stack trace or an exception's message: those are logged, not sent.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ApiErrorController extends BasicErrorController {

  private final ObjectMapper json;

  public ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> errorViewResolvers, ObjectMapper json) {
    super(errorAttributes, server.getError(), errorViewResolvers.orderedStream().toList());
    this.json = json;
  }

  @Override
  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    if (!isApi(request)) {
      return super.errorHtml(request, response);
    }
    // The client prefers HTML; the API has none: the same problem as to any other client.
    ResponseEntity<Map<String, Object>> problem = error(request);
    response.setStatus(problem.getStatusCode().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    try {
      json.writeValue(response.getOutputStream(), problem.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  @Override
  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    if (!isApi(request)) {
      return super.error(request);
    }
    String path = originalPath(request);
    HttpStatus status = getStatus(request);
    if (status == HttpStatus.OK || status.value() < 400) {
      // The error path was called directly, or with a status that is no error.
      status = HttpStatus.NOT_FOUND;
    }
    Map<String, Object> body = ApiProblems.toMap(ApiProblems.at(ApiProblems.of(status), path));
    // The content type is set, so it is not negotiated: problem+json whatever Accept asks for.
    return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
        .body(body);
  }

  /** Marked by the API's first filter, or (an error before it) under /api by the path as sent. */
  private static boolean isApi(HttpServletRequest request) {
    return ApiRequests.isMarked(request) || ApiProblems.isApi(originalPath(request));
  }

  private static String originalPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(uri instanceof String path)) {
      return null;
    }
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
  }
}
