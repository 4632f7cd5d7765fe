package se.breachflow.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.ChildApplication;
import se.breachflow.support.Reports;

/**
 * README's access table with single sign-on: every role as the provider's group claim gives it, over the API and
 * engine REST with bearer tokens. Controller A is {@code ks}, B is {@code sn}; the roles are those of
 * {@link OidcProvider}'s mapping.
 */
class OidcAccessMatrixTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, String> GROUPS = Map.of(
      "staff", "", "coordinator-ks", OidcProvider.GROUP_COORDINATOR_KS, "dpo-ks", OidcProvider.GROUP_DPO_KS,
      "decision-maker-ks", OidcProvider.GROUP_DECIDER_KS, "security-ks", OidcProvider.GROUP_SECURITY_KS,
      "management-ks", OidcProvider.GROUP_MANAGEMENT_KS, "coordinator-sn", OidcProvider.GROUP_COORDINATOR_SN,
      "camunda-admin", OidcProvider.GROUP_ADMIN, "monitoring", OidcProvider.GROUP_MONITORING);

  static OidcProvider provider;
  static ChildApplication app;
  /** Reported by the user under test (each gets a report of its own for A), by someone else for A and B. */
  static String othersA;
  static String othersB;
  static List<String> tasksOfOthersA = new ArrayList<>();

  @BeforeAll
  static void incidents() throws Exception {
    OidcRuntime runtime = OidcRuntime.get();
    provider = runtime.provider;
    app = runtime.app;
    String reporter = provider.accessToken("matrix-reporter", "Matris Rapportör", List.of());
    othersA = JSON.readTree(send("POST", "/api/incidents", reporter, Reports.contractJson("ks")).body())
        .path("number").asText();
    othersB = JSON.readTree(send("POST", "/api/incidents", reporter, Reports.contractJson("sn")).body())
        .path("number").asText();
    String admin = provider.accessToken("matrix-admin", "Matris Admin", List.of(OidcProvider.GROUP_ADMIN));
    JsonNode caseA = JSON.readTree(send("GET", "/api/incidents/" + othersA, admin, null).body());
    caseA.path("openTasks").forEach(task -> tasksOfOthersA.add(task.path("id").asText()));
    assertThat(tasksOfOthersA).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // role,            own, A's,  B's, A's task in engine REST, deployments, metrics
      "staff,             200, 404, 404, false, 403, 403",
      "coordinator-ks,    200, 200, 404, true,  403, 403",
      "dpo-ks,            200, 200, 404, false, 403, 403",
      "decision-maker-ks, 200, 200, 404, false, 403, 403",
      "security-ks,       200, 200, 404, false, 403, 403",
      "management-ks,     200, 200, 404, false, 403, 403",
      "coordinator-sn,    200, 404, 200, false, 403, 403",
      "monitoring,        200, 404, 404, false, 403, 200",
      "camunda-admin,     200, 200, 200, true,  200, 200"})
  void shouldGiveEachRoleWhatTheAccessTableSays(String role, int own, int othersOfA, int othersOfB, boolean seesTaskOfA,
      int deployments, int metrics) throws Exception {
    String subject = "matrix-" + role;
    String groups = GROUPS.get(role);
    String token = provider.accessToken(subject, "Matris " + role, groups.isEmpty() ? List.of() : List.of(groups));

    HttpResponse<String> reported = send("POST", "/api/incidents", token, Reports.contractJson("ks"));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String mine = JSON.readTree(reported.body()).path("number").asText();
    assertThat(JSON.readTree(reported.body()).path("reporterId").asText()).isEqualTo(subject);

    assertThat(send("GET", "/api/incidents/" + mine, token, null).statusCode()).isEqualTo(own);
    assertThat(send("GET", "/api/incidents/" + othersA, token, null).statusCode()).isEqualTo(othersOfA);
    assertThat(send("GET", "/api/incidents/" + othersB, token, null).statusCode()).isEqualTo(othersOfB);

    HttpResponse<String> tasks = send("GET", "/engine-rest/task", token, null);
    assertThat(tasks.statusCode()).isEqualTo(200);
    List<String> seen = new ArrayList<>();
    JSON.readTree(tasks.body()).forEach(task -> seen.add(task.path("id").asText()));
    assertThat(seen.containsAll(tasksOfOthersA)).as("sees A's task").isEqualTo(seesTaskOfA);

    assertThat(send("GET", "/engine-rest/deployment", token, null).statusCode()).isEqualTo(deployments);
    assertThat(send("GET", "/actuator/prometheus", token, null).statusCode()).isEqualTo(metrics);
  }

  private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        // The metrics are text (Prometheus' format), everything else JSON.
        .header("Accept", path.startsWith("/actuator") ? "*/*" : "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
