package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.Calls;
import se.breachflow.access.EngineRestAllowList;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.WebappSession;
import se.breachflow.workflow.BpmnIds;

/**
 * A task or process definition that does not exist is "not found", not a server error: the boundary looks it
 * up before the engine's command runs, and Camunda's own answer for a missing task or definition on these paths
 * was a 500 ("Cannot submit task form …: Cannot find task with id …", "Cannot instantiate process definition …").
 * On engine REST and on the webapps' engine API (Tasklist's calls) alike: 404 with a Swedish message in engine
 * REST's error shape, and nothing starts.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class UnknownTaskOrDefinitionTest {

  private static final String FORM = "{\"variables\": {}}";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;
  private final ObjectMapper json = new ObjectMapper();

  /** The calls, relative to either root, that name something that does not exist. */
  private static List<String> unknownPaths() {
    String task = UUID.randomUUID().toString();
    List<String> paths = new ArrayList<>();
    for (String action : List.of("submit-form", "complete", "resolve", "claim", "unclaim", "assignee")) {
      paths.add("/task/" + task + "/" + action);
    }
    for (String action : List.of("submit-form", "start")) {
      paths.add("/process-definition/" + BpmnIds.PROCESS + ":1:" + UUID.randomUUID() + "/" + action);
      paths.add("/process-definition/key/nope/" + action);
    }
    return paths;
  }

  /**
   * Engine REST as an administrator (everything reaches the engine) and as a coordinator (what its allow-list lets
   * through: resolve and assignee are for administrators there).
   */
  @Test
  void engineRestAnswers404() throws Exception {
    long before = history.createHistoricProcessInstanceQuery().count();
    Calls calls = new Calls(http);
    SoftAssertions softly = new SoftAssertions();
    for (String path : unknownPaths()) {
      for (String user : List.of("admin", "coordinator")) {
        if (user.equals("admin") || EngineRestAllowList.allowed("POST", path)) {
          ResponseEntity<String> answer = calls.post(user, "/engine-rest" + path, body(path));
          assertNotFound(softly, user + " " + path, answer.getStatusCode().value(), answer.getBody());
        }
      }
    }
    softly.assertAll();
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void tasklistsEngineApiAnswers404() throws Exception {
    long before = history.createHistoricProcessInstanceQuery().count();
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("coordinator", "tasklist")).isEqualTo(200);
    SoftAssertions softly = new SoftAssertions();
    for (String path : unknownPaths()) {
      HttpResponse<String> answer = tasklist.post("/camunda/api/engine/engine/default" + path, body(path));
      assertNotFound(softly, path, answer.statusCode(), answer.body());
    }
    softly.assertAll();
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  private static String body(String path) {
    return path.endsWith("/claim") || path.endsWith("/assignee") ? "{\"userId\": \"coordinator\"}" : FORM;
  }

  /**
   * 404, with the boundary's Swedish message. A definition named by its key is looked up by Camunda's REST layer
   * itself, before any command: that answer is Camunda's own 404 ("No matching process definition with key").
   */
  private void assertNotFound(SoftAssertions softly, String call, int status, String body) throws Exception {
    softly.assertThat(status).as(call + ": " + body).isEqualTo(404);
    String message = json.readTree(body).path("message").asText();
    softly.assertThat(message).as(call).doesNotContain("Exception").doesNotContain("\tat ");
    if (!call.contains("/key/nope/")) {
      softly.assertThat(message).as(call).endsWith(call.contains("/task/") ? "Uppgiften finns inte: den kan redan vara slutförd."
          : "Processdefinitionen finns inte.");
    }
  }
}
