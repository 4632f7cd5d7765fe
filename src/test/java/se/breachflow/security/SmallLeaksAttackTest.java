package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.TestLogin;
import se.breachflow.support.WebappSession;

/**
 * Issue 16, point 9 (without the comments, which the variable boundary handles): what the reporter's list
 * showed beyond the reporter's view, what staff could read of the metrics and engine REST, and the headers
 * /api answered without. Each attack is played over HTTP as the attacker would.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class SmallLeaksAttackTest {

  private static final String ENGINE = "/engine-rest";

  @LocalServerPort int port;
  @Autowired IncidentDriver driver;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  /** mine=true (and the plain list) showed the reporter whether and when IMY was notified, and the final risk. */
  @Test
  void theReportersListShowsNoMoreThanTheReportersView() throws Exception {
    ProcessInstance instance = driver.report();
    String number = instance.getBusinessKey();
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, false, "Anmäls: okända mottagare.");
    driver.notifyImy(instance, java.time.Instant.now().toString(), "COMPLETE");

    JsonNode detail = json.readTree(get("reporter", "/api/incidents/" + number).body());
    assertThat(detail.has("imy")).isFalse();
    assertThat(detail.has("imyNotifiedAt")).isFalse();
    String preliminaryRisk = detail.path("preliminaryAssessment").path("riskLevel").asText();
    assertThat(preliminaryRisk).isNotEmpty();

    for (String list : List.of("/api/incidents?mine=true&q=" + number, "/api/incidents?q=" + number)) {
      JsonNode row = onlyRow(get("reporter", list));
      assertThat(row.path("number").asText()).isEqualTo(number);
      assertThat(row.has("notified")).as(list).isFalse();
      assertThat(row.has("imyNotifiedAt")).as(list).isFalse();
      assertThat(row.path("riskLevel").asText()).as("the preliminary risk, as in the detail view")
          .isEqualTo(preliminaryRisk);
      assertThat(row.path("status").asText()).isEqualTo(detail.path("status").asText());
    }
    // Nor can the filters tell: the reporter's own reports are not filtered by what the reporter cannot see.
    assertThat(json.readTree(get("reporter", "/api/incidents?notified=true&q=" + number).body()).path("total")
        .asInt()).isZero();
    assertThat(json.readTree(get("reporter", "/api/incidents?notified=false&q=" + number).body()).path("total")
        .asInt()).isZero();

    // The DPO oversees ks and sees it all, as in the DPO's detail view.
    JsonNode dposRow = onlyRow(get("dpo", "/api/incidents?notified=true&q=" + number));
    assertThat(dposRow.path("notified").asBoolean()).isTrue();
    assertThat(dposRow.path("imyNotifiedAt").asText()).isNotEmpty();
  }

  /** /actuator/prometheus counts every controller's incidents: administrators and the monitoring account only. */
  @Test
  void onlyAdministratorsAndMonitoringReadThePrometheusMetrics() throws Exception {
    AccessUsers.create(identity, "leak-scraper", Groups.MONITORING);
    for (String user : List.of("reporter", "coordinator", "dpo", "manager")) {
      HttpResponse<String> refused = get(user, "/actuator/prometheus");
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("breachflow_incidents_open");
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    for (String user : List.of("admin", "leak-scraper")) {
      HttpResponse<String> metrics = get(user, "/actuator/prometheus");
      assertThat(metrics.statusCode()).as(user).isEqualTo(200);
      assertThat(metrics.body()).contains("breachflow_incidents_open");
    }
    assertThat(get(null, "/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(get(null, "/actuator/health").statusCode()).as("health stays open").isEqualTo(200);
    // The monitoring account reads nothing else.
    assertThat(json.readTree(get("leak-scraper", "/api/incidents").body()).path("total").asInt()).isZero();
    assertThat(get("leak-scraper", ENGINE + "/job-definition").statusCode()).isEqualTo(403);
  }

  /** Staff read the job definitions and the engine's metrics over engine REST; only administrators do now. */
  @Test
  void engineRestOffersNonAdministratorsOnlyWhatTheirWorkNeeds() throws Exception {
    AccessUsers.create(identity, "leak-staff", Groups.STAFF);
    long jobDefinitions = management.createJobDefinitionQuery().count();
    assertThat(jobDefinitions).isPositive();
    List<String> refusedPaths = List.of("/job-definition", "/job-definition/count", "/metrics",
        "/metrics/activity-instance/sum", "/engine/default/job-definition", "/engine/default/metrics",
        "//job-definition", "/job-definition/", "/job-definition;x=y", "/job", "/deployment", "/user",
        "/group", "/authorization", "/incident", "/execution", "/variable-instance", "/decision-definition",
        "/history/job-log", "/history/user-operation", "/history/detail", "/telemetry/data",
        "/batch", "/external-task");
    for (String user : List.of("leak-staff", "coordinator", "dpo", "manager")) {
      for (String path : refusedPaths) {
        HttpResponse<String> refused = get(user, ENGINE + path);
        if (TestLogin.firewallRefuses(path)) {
          // With single sign-on Spring Security refuses "//" and ";" before the allow-list is asked.
          assertThat(refused.statusCode()).as(user + " GET " + path).isEqualTo(400);
          assertThat(refused.body()).as(path).doesNotContain("processDefinitionId").contains("Adressen godtas inte");
          continue;
        }
        assertThat(refused.statusCode()).as(user + " GET " + path).isEqualTo(403);
        assertThat(refused.body()).as(path).doesNotContain("processDefinitionId").contains("AuthorizationException");
      }
      HttpResponse<String> verify = send(user, "POST", ENGINE + "/identity/verify",
          "{\"username\":\"admin\",\"password\":\"admin\"}");
      assertThat(verify.statusCode()).as("a password oracle").isEqualTo(403);
      for (String[] change : new String[][] {{"POST", "/filter/create"}, {"POST", "/deployment/create"},
          {"POST", "/message"}, {"POST", "/task/x/resolve"}, {"POST", "/task/x/variables"},
          {"POST", "/process-instance/x/modification"}, {"POST", "/process-instance/delete"},
          {"PUT", "/job-definition/suspended"}, {"PUT", "/task/x/variables/controllerId"},
          {"DELETE", "/process-instance/x"}}) {
        assertThat(send(user, change[0], ENGINE + change[1], "{}").statusCode()).as(user + " " + change[0] + " "
            + change[1]).isEqualTo(403);
      }
    }
    // What Tasklist-like integrations and management need still works, under the engine's authorizations.
    assertThat(get("leak-staff", ENGINE + "/process-definition/key/personal-data-breach").statusCode()).isEqualTo(200);
    assertThat(get("coordinator", ENGINE + "/task/count").statusCode()).isEqualTo(200);
    assertThat(send("coordinator", "POST", ENGINE + "/task/count", "{}").statusCode()).isEqualTo(200);
    assertThat(get("manager", ENGINE + "/history/process-instance/count").statusCode()).isEqualTo(200);
    assertThat(get("manager", ENGINE + "/engine/default/process-instance/count").statusCode()).isEqualTo(200);
    assertThat(get("coordinator", ENGINE + "/filter?resourceType=Task").statusCode()).as("Tasklist's filters")
        .isEqualTo(200);
    // Administrators keep all of engine REST.
    JsonNode all = json.readTree(get("admin", ENGINE + "/job-definition/count").body());
    assertThat(all.path("count").asLong()).isEqualTo(jobDefinitions);
    assertThat(get("admin", ENGINE + "/metrics/activity-instance/sum").statusCode()).isEqualTo(200);
  }

  /** The webapps have their own engine API: its metrics are the administrators' there too (Camunda Admin). */
  @Test
  void theWebappsEngineMetricsAreForAdministrators() throws Exception {
    WebappSession reporter = new WebappSession(port);
    assertThat(reporter.login("reporter", "tasklist")).isEqualTo(200);
    assertThat(reporter.get("/camunda/api/engine/engine/default/metrics/activity-instance/sum").statusCode())
        .isEqualTo(403);
    assertThat(reporter.get("/camunda/api/engine/engine/default/task/count").statusCode()).as("Tasklist's calls")
        .isEqualTo(200);
    WebappSession admin = new WebappSession(port);
    assertThat(admin.login("admin", "admin")).isEqualTo(200);
    assertThat(admin.get("/camunda/api/engine/engine/default/metrics/activity-instance/sum").statusCode())
        .isEqualTo(200);
  }

  /** /api answered without Cache-Control: no-store, X-Content-Type-Options and frame protection. */
  @Test
  void answersCarrySecurityHeaders() throws Exception {
    String number = driver.report().getBusinessKey();
    for (HttpResponse<String> answer : List.of(get("dpo", "/api/incidents/" + number), get("dpo", "/api/incidents"),
        get("dpo", "/api/incidents/PUI-1900-0001"), get(null, "/api/incidents"),
        send("dpo", "POST", "/api/incidents", "{"), get("dpo", ENGINE + "/task"), get("dpo", ENGINE + "/metrics"),
        get(null, "/actuator/health"))) {
      String what = answer.request().method() + " " + answer.uri().getPath() + " " + answer.statusCode();
      assertThat(answer.headers().allValues("Cache-Control")).as(what).containsExactly("no-store");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
      assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what).hasValue("frame-ancestors 'none'");
    }
    HttpResponse<byte[]> pdf = new WebappSession(port).get("/api/incidents/" + number + "/documents/imy-notification",
        "dpo", "dpo");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().allValues("Cache-Control")).containsExactly("no-store");

    // The start page and Tasklist as a browser gets them: with single sign-on, only logged in (before, the login).
    WebappSession dpo = new WebappSession(port);
    assertThat(dpo.login("dpo", "tasklist")).isEqualTo(200);
    HttpResponse<byte[]> start = dpo.get("/");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
        .contains("default-src 'self'").contains("frame-ancestors 'none'"));
    assertThat(start.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(get(null, "/start.js").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    // The webapps keep Camunda's own header security; their API answers are not stored either.
    HttpResponse<byte[]> tasklist = dpo.get("/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1).first().asString()
        .contains("frame-ancestors 'none'").contains("nonce-");
    assertThat(dpo.get("/camunda/api/engine/engine/default/task").headers().allValues("Cache-Control"))
        .containsExactly("no-store");
  }

  private static JsonNode onlyRow(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode page = new ObjectMapper().readTree(answer.body());
    assertThat(page.path("incidents").size()).as(answer.body()).isEqualTo(1);
    return page.path("incidents").get(0);
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return send(user, "GET", path, null);
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json, */*;q=0.5")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", TestLogin.authorization(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
