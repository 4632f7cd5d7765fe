package se.breachflow.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static se.breachflow.access.oidc.OidcProvider.GROUP_COORDINATOR_KS;
import static se.breachflow.access.oidc.OidcProvider.GROUP_COORDINATOR_SN;
import static se.breachflow.access.oidc.OidcProvider.GROUP_DPO_KS;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.ChildApplication;
import se.breachflow.support.Reports;

/**
 * Single sign-on end to end: the application (its own JVM, profiles prod + oidc) against a real OpenID Connect
 * provider in this JVM. The browser's login (authorization code with PKCE), the roles from the group claim, bearer
 * tokens on /api and engine REST, logout.
 */
class OidcLoginTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static OidcProvider provider;
  static ChildApplication app;

  @BeforeAll
  static void start() {
    OidcRuntime runtime = OidcRuntime.get();
    provider = runtime.provider;
    app = runtime.app;
  }

  @Test
  void shouldLogADpoInToTasklistWithCodeAndPkceAndMapTheGroupClaimToRoles() throws Exception {
    provider.tokenRequests(); // what earlier tests asked
    Browser browser = new Browser();
    HttpResponse<String> tasklist = browser.get(app.uri("/camunda/app/tasklist/default/"));
    assertThat(tasklist.statusCode()).isEqualTo(302);
    URI login = Browser.location(tasklist);
    assertThat(login.getPath()).isEqualTo("/oauth2/authorization/breachflow");

    HttpResponse<String> toProvider = browser.get(login);
    assertThat(toProvider.statusCode()).isEqualTo(302);
    URI authorize = Browser.location(toProvider);
    assertThat(authorize.toString()).startsWith(provider.issuer());
    Map<String, String> request = Browser.query(authorize);
    assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", OidcProvider.CLIENT_ID)
        .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "redirect_uri");
    assertThat(request.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(request.get("scope")).contains("openid");

    provider.nextLogin("anna-dpo", "Anna Dataskydd", List.of(GROUP_DPO_KS, "grp-9999-not-mapped"));
    HttpResponse<String> back = browser.get(authorize);
    assertThat(back.statusCode()).isEqualTo(302);
    URI callback = Browser.location(back);
    assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/breachflow");
    assertThat(Browser.query(callback)).containsKeys("code", "state");

    // The code exchange (with the PKCE verifier) happens here, server to server.
    HttpResponse<String> loggedIn = browser.get(callback);
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
    assertThat(Browser.location(loggedIn).getPath()).isEqualTo("/camunda/app/tasklist/default/");
    List<String> exchanges = provider.tokenRequests();
    assertThat(exchanges).hasSize(1);
    Map<String, String> exchange = Browser.query(URI.create("?" + exchanges.get(0)));
    assertThat(exchange).containsEntry("grant_type", "authorization_code").containsKey("code");
    // The verifier the application kept is the one whose S256 hash it sent to the provider at the start.
    assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
        .digest(exchange.get("code_verifier").getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(request.get("code_challenge"));

    HttpResponse<String> who = browser.get(app.uri("/camunda/api/admin/auth/user/default"));
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(who.body()).path("userId").asText()).isEqualTo("anna-dpo");
    assertThat(JSON.readTree(who.body()).path("authorizedApps").toString()).contains("tasklist");

    // The roles are the engine's groups now: Tasklist, the allow-lists and notifications see them.
    HttpResponse<String> groups = browser.get(app.uri("/camunda/api/engine/engine/default/group?member=anna-dpo"));
    assertThat(groups.statusCode()).isEqualTo(200);
    assertThat(ids(JSON.readTree(groups.body()))).containsExactlyInAnyOrder("dpo-ks", "staff");

    HttpResponse<String> profile = browser.get(app.uri("/camunda/api/engine/engine/default/user/anna-dpo/profile"));
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(profile.body()).path("firstName").asText()).isEqualTo("Anna");
    assertThat(JSON.readTree(profile.body()).path("lastName").asText()).isEqualTo("Dataskydd");
    assertThat(JSON.readTree(profile.body()).path("email").asText()).isEqualTo("anna.dataskydd@exempelkommun.example");

    // The same login reads the API (GET), as a Tasklist link does.
    assertThat(browser.get(app.uri("/api/incidents?mine=true")).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLetEveryoneTheProviderLetsInReportAsStaffButChangeTheApiOnlyWithAToken() throws Exception {
    Browser browser = loggedIn("sven-staff", "Sven Personal", List.of(), "/");
    HttpResponse<String> groups = browser.get(app.uri("/camunda/api/engine/engine/default/group?member=sven-staff"));
    assertThat(ids(JSON.readTree(groups.body()))).containsExactly("staff");
    assertThat(browser.get(app.uri("/")).statusCode()).isEqualTo(200);

    // The session cookie alone does not change anything (a page elsewhere could make the browser send it).
    HttpResponse<String> post = browser.post(app.uri("/api/incidents"), "application/json", Reports.contractJson("ks"));
    assertThat(post.statusCode()).isEqualTo(401);
    assertThat(post.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(JSON.readTree(post.body()).path("detail").asText()).contains("åtkomsttoken");
  }

  @Test
  void shouldTakeBearerTokensOnTheApiAndEngineRestWithTheMappedRolesPerController() throws Exception {
    String reporter = provider.accessToken("rita-reporter", "Rita Rapportör", List.of());
    JsonNode ks = JSON.readTree(bearer("POST", "/api/incidents", reporter, Reports.contractJson("ks"), 201).body());
    JsonNode sn = JSON.readTree(bearer("POST", "/api/incidents", reporter, Reports.contractJson("sn"), 201).body());
    assertThat(ks.path("reporterId").asText()).isEqualTo("rita-reporter");

    String dpoKs = provider.accessToken("anna-dpo", "Anna Dataskydd", List.of(GROUP_DPO_KS));
    JsonNode ksCase = JSON.readTree(bearer("GET", "/api/incidents/" + ks.path("number").asText(), dpoKs, null, 200)
        .body());
    bearer("GET", "/api/incidents/" + sn.path("number").asText(), dpoKs, null, 404);
    String coordinatorSn = provider.accessToken("sara-sn", "Sara Samordnare", List.of(GROUP_COORDINATOR_SN));
    bearer("GET", "/api/incidents/" + ks.path("number").asText(), coordinatorSn, null, 404);

    List<String> ksTasks = new ArrayList<>();
    ksCase.path("openTasks").forEach(task -> ksTasks.add(task.path("id").asText()));
    assertThat(ksTasks).isNotEmpty();
    String coordinatorKs = provider.accessToken("karl-ks", "Karl Samordnare", List.of(GROUP_COORDINATOR_KS));
    List<String> seenByKs = ids(JSON.readTree(bearer("GET", "/engine-rest/task", coordinatorKs, null, 200).body()));
    List<String> seenBySn = ids(JSON.readTree(bearer("GET", "/engine-rest/task", coordinatorSn, null, 200).body()));
    assertThat(seenByKs).containsAll(ksTasks);
    assertThat(seenBySn).doesNotContainAnyElementsOf(ksTasks).isNotEmpty();
  }

  @Test
  void shouldEndTheSessionAndThenTheProvidersOnLogout() throws Exception {
    Browser browser = loggedIn("lars-logout", "Lars Utloggning", List.of(), "/camunda/app/tasklist/default/");
    assertThat(browser.get(app.uri("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(200);

    HttpResponse<String> page = browser.get(app.uri("/logout"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\" action=\"/logout\">").contains("Logga ut");
    assertThat(browser.get(app.uri("/camunda/api/admin/auth/user/default")).statusCode())
        .as("showing the page logs nobody out").isEqualTo(200);

    HttpResponse<String> logout = browser.post(app.uri("/logout"), "application/x-www-form-urlencoded", "");
    assertThat(logout.statusCode()).isEqualTo(302);
    URI endSession = Browser.location(logout);
    assertThat(endSession.toString()).startsWith(provider.issuer() + "/endsession");
    assertThat(Browser.query(endSession)).containsKey("id_token_hint")
        .containsEntry("post_logout_redirect_uri", app.uri("/").toString());
    assertThat(browser.get(app.uri("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(401);
    assertThat(Browser.location(browser.get(app.uri("/camunda/app/tasklist/default/"))).getPath())
        .isEqualTo("/oauth2/authorization/breachflow");
  }

  @Test
  void shouldEndTheSessionWhenTheWebappsLogOut() throws Exception {
    Browser browser = loggedIn("wilma-webapp", "Wilma Webbapp", List.of(), "/camunda/app/tasklist/default/");
    HttpResponse<String> logout = browser.post(app.uri("/camunda/api/admin/auth/user/default/logout"),
        "application/x-www-form-urlencoded", "");
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(browser.get(app.uri("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(401);

    // Tasklist then shows the logout page, whose button ends the provider's session too, by the client id now.
    HttpResponse<String> everywhere = browser.post(app.uri("/logout"), "application/x-www-form-urlencoded", "");
    assertThat(everywhere.statusCode()).isEqualTo(302);
    URI endSession = Browser.location(everywhere);
    assertThat(endSession.toString()).startsWith(provider.issuer() + "/endsession");
    assertThat(Browser.query(endSession)).containsEntry("client_id", OidcProvider.CLIENT_ID)
        .containsEntry("post_logout_redirect_uri", app.uri("/").toString());
  }

  /** A browser that went through the provider's login, starting at {@code path}. */
  static Browser loggedIn(String subject, String name, List<String> groups, String path) throws Exception {
    Browser browser = new Browser();
    URI next = app.uri(path);
    provider.nextLogin(subject, name, groups);
    for (int hop = 0; hop < 6; hop++) {
      HttpResponse<String> response = browser.get(next);
      if (response.statusCode() != 302) {
        throw new AssertionError("Login stopped at " + next + ": " + response.statusCode() + " " + response.body());
      }
      next = Browser.location(response);
      if (next.getPath().equals(path) && next.getPort() == app.base().getPort()) {
        return browser;
      }
    }
    throw new AssertionError("The login did not come back to " + path);
  }

  static HttpResponse<String> bearer(String method, String path, String token, String body, int expected)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    return response;
  }

  static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.path("id").asText()));
    return ids;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }
}
