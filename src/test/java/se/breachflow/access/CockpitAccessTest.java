package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.process.BpmnIds;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.Reports;

/** Cockpit itself (its own plugin API, behind the webapp login and CSRF): management of A lists A's instances. */
@BreachflowTest
class CockpitAccessTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void reset() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void shouldListOnlyTheControllersInstancesInCockpit() throws Exception {
    AccessUsers.create(identity, "cockpit-management-a", Groups.STAFF, Groups.management("ks"));
    AccessUsers.create(identity, "cockpit-staff", Groups.STAFF);
    EngineClock.set("2026-11-20T12:00:00+01:00");
    report("ks");
    report("sn");
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS)
        .latestVersion().singleResult().getId();
    long ofA = runtime.createProcessInstanceQuery().processDefinitionId(definition)
        .variableValueEquals("controllerId", "ks").count();
    long all = runtime.createProcessInstanceQuery().processDefinitionId(definition).count();
    assertThat(ofA).isPositive().isLessThan(all);

    Session management = new Session();
    assertThat(management.login("cockpit-management-a", "cockpit")).isEqualTo(200);
    HttpResponse<String> listed = management.post("/camunda/api/cockpit/plugin/base/default/process-instance"
        + "?firstResult=0&maxResults=1000", "{\"processDefinitionId\": \"" + definition + "\"}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(json.readTree(listed.body()).size()).isEqualTo((int) ofA);
    for (JsonNode instance : json.readTree(listed.body())) {
      assertThat(runtime.getVariable(instance.get("id").asText(), "controllerId")).isEqualTo("ks");
    }

    Session staff = new Session();
    assertThat(staff.login("cockpit-staff", "cockpit")).as("staff have no Cockpit").isNotEqualTo(200);
  }

  private void report(String controller) {
    identity.setAuthentication("reporter", List.of(Groups.STAFF));
    try {
      var values = Reports.misdirectedEmail();
      values.put("controllerId", controller);
      String definition = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS)
          .latestVersion().singleResult().getId();
      forms.submitStartForm(definition, values);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A browser's session with the webapps: cookies, the CSRF token header. */
  private final class Session {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    int login(String user, String app) throws Exception {
      client.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
              uri("/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      // The session and its CSRF token are new after the login: fetch the token as the app does.
      client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .header("Accept", "application/json").header("X-XSRF-TOKEN", token())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }
}
