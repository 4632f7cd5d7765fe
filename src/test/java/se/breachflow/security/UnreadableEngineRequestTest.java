package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import se.breachflow.support.Calls;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.WebappSession;

/**
 * Issue 16, point 6, for the engine's REST APIs: bodies that Camunda fails to read before any command runs — a
 * {@code null} body or variable, an empty type, a {@code File} without its {@code valueInfo} — were answered
 * with a 500. They are a 400 in engine REST's error shape, on engine REST and on the webapps' engine API alike,
 * and nothing starts.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class UnreadableEngineRequestTest {

  private static final String DEFINITION = "/process-definition/key/" + BpmnIds.PROCESS;
  private static final List<String> UNREADABLE = List.of(
      "null",
      "{\"variables\": {\"description\": null}}",
      "{\"variables\": {\"description\": {\"type\": \"\", \"value\": \"x\"}}}",
      "{\"variables\": {\"description\": {\"type\": \"File\", \"value\": \"aGVq\"}}}");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;

  @Test
  void engineRestAnswers400ForABodyItCannotRead() {
    long before = history.createHistoricProcessInstanceQuery().count();
    Calls calls = new Calls(http);
    for (String endpoint : List.of("/start", "/submit-form")) {
      for (String body : UNREADABLE) {
        ResponseEntity<String> answer = calls.post("reporter", "/engine-rest" + DEFINITION + endpoint, body);
        assertThat(answer.getStatusCode().value()).as(endpoint + " " + body + ": " + answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).as(body).contains("\"type\":\"InvalidRequestException\"")
            .doesNotContain("Exception:").doesNotContain("at org.");
      }
    }
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void tasklistsEngineApiAnswers400ForABodyItCannotRead() throws Exception {
    long before = history.createHistoricProcessInstanceQuery().count();
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("reporter", "tasklist")).isEqualTo(200);
    for (String body : UNREADABLE) {
      HttpResponse<String> answer = tasklist.post("/camunda/api/engine/engine/default" + DEFINITION + "/submit-form",
          body);
      assertThat(answer.statusCode()).as(body + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("Anropet kunde inte läsas");
    }
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }
}
