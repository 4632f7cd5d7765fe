package se.breachflow.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tomcat's own error page, for the errors Tomcat answers before the application sees the request (a path
 * with an encoded slash or other characters it refuses, a header too large): under {@code /api} a problem
 * in Swedish instead of Tomcat's HTML; elsewhere Tomcat's page without report or server version.
 */
public class ApiErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ApiErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    if (!ApiProblems.isApi(request.getRequestURI())) {
      super.report(request, response, throwable);
      return;
    }
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      HttpStatusCode code = HttpStatus.resolve(status) == null ? HttpStatusCode.valueOf(status) : HttpStatus.valueOf(status);
      String body = JSON.writeValueAsString(ApiProblems.toMap(ApiProblems.at(ApiProblems.of(code),
          request.getRequestURI())));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (JsonProcessingException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    } catch (IOException | IllegalStateException connectionGone) {
      // As Tomcat's own valve: the client is gone, there is no one to tell.
    }
  }
}
