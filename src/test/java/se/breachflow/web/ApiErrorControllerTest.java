package se.breachflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The error path's answer to a failure nothing else answered (an exception in a filter or the container): a
 * 500 cannot be provoked over HTTP without a bug, so the controller is called as the servlet container calls
 * it on an error dispatch. BadInputAttackTest covers the 4xx over real HTTP.
 */
class ApiErrorControllerTest {

  private final ObjectMapper json = new ObjectMapper();
  private final ApiErrorController controller = new ApiErrorController(new DefaultErrorAttributes(),
      new ServerProperties(), new StaticListableBeanFactory().getBeanProvider(ErrorViewResolver.class), json);

  @Test
  void shouldAnswerAFailureUnderTheApiAsAProblemWithoutItsInsides() {
    ResponseEntity<Map<String, Object>> answer = controller.error(failed("/api/incidents"));

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody()).containsEntry("status", 500).containsEntry("title", "Internt fel")
        .containsEntry("instance", "/api/incidents").doesNotContainKeys("trace", "exception", "message", "error");
    assertThat((String) answer.getBody().get("detail")).startsWith("Ett oväntat fel inträffade.");
    assertThat(answer.getBody().toString()).doesNotContain("hemligt", "IllegalStateException");
  }

  @Test
  void shouldAnswerABrowserUnderTheApiWithTheSameProblem() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(controller.errorHtml(failed("/api/incidents"), response)).isNull();

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = json.readTree(response.getContentAsByteArray());
    assertThat(problem.path("detail").asText()).startsWith("Ett oväntat fel inträffade.");
    assertThat(response.getContentAsString()).doesNotContain("hemligt", "IllegalStateException");
  }

  @Test
  void shouldLeaveTheWebappsErrorsToSpringBoot() {
    ResponseEntity<Map<String, Object>> answer = controller.error(failed("/camunda/app/tasklist/"));

    assertThat(answer.getHeaders().getContentType()).isNull();
    assertThat(answer.getBody()).containsEntry("status", 500).containsKey("error");
  }

  private static MockHttpServletRequest failed(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("hemligt: databasens lösenord"));
    return request;
  }
}
