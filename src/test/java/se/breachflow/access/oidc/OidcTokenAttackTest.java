package se.breachflow.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static se.breachflow.access.oidc.OidcProvider.API_AUDIENCE;
import static se.breachflow.access.oidc.OidcProvider.GROUP_ADMIN;
import static se.breachflow.access.oidc.OidcProvider.GROUP_DPO_KS;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import se.breachflow.support.ChildApplication;

/**
 * Attacks on single sign-on: tokens that must not be believed (another issuer, another audience, expired, signed
 * by someone else's key, unsigned), group claims that must not give a role, and the passwords that no longer
 * exist. Each refused token is tried where it would do the most harm: as an administrator on engine REST and on
 * the API.
 */
class OidcTokenAttackTest {

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
  void shouldAcceptTheProvidersAdministratorTokenSoThatTheRefusalsBelowMeanSomething() throws Exception {
    String admin = provider.accessToken("ada-admin", "Ada Administratör", List.of(GROUP_ADMIN));
    assertThat(send("GET", "/engine-rest/deployment", "Bearer " + admin).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/outbox", "Bearer " + admin).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseATokenForAnotherAudience() throws Exception {
    refused(provider.token(OidcProvider.ISSUER, "ada-admin", List.of("api://another-application"),
        OidcProvider.accessClaims("Ada Administratör", List.of(GROUP_ADMIN)), 3600));
  }

  @Test
  void shouldRefuseAnExpiredToken() throws Exception {
    refused(provider.token(OidcProvider.ISSUER, "ada-admin", List.of(API_AUDIENCE),
        OidcProvider.accessClaims("Ada Administratör", List.of(GROUP_ADMIN)), -3600));
  }

  @Test
  void shouldRefuseATokenOfAnotherIssuerOnTheSameServer() throws Exception {
    refused(provider.token("another-tenant", "ada-admin", List.of(API_AUDIENCE),
        OidcProvider.accessClaims("Ada Administratör", List.of(GROUP_ADMIN)), 3600));
  }

  /** The right issuer, audience and groups, but signed with a key of the attacker's. */
  @Test
  void shouldRefuseATokenSignedWithAForeignKey() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("attacker").generate();
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), forgedClaims());
    forged.sign(new RSASSASigner(key));
    refused(forged.serialize());
  }

  @Test
  void shouldRefuseAnUnsignedToken() throws Exception {
    refused(new PlainJWT(forgedClaims()).serialize());
  }

  /** A real token whose signature is kept but whose groups were edited to the administrators'. */
  @Test
  void shouldRefuseARealTokenWithEditedGroups() throws Exception {
    String[] parts = provider.accessToken("mallory", "Mallory", List.of()).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String edited = payload.replace("\"groups\":[]", "\"groups\":[\"" + GROUP_ADMIN + "\"]");
    assertThat(edited).isNotEqualTo(payload);
    refused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes()) + "." + parts[2]);
  }

  /**
   * An ID token is no access token (Microsoft: "You shouldn't use an ID token to call an API"): the real one the
   * provider issues at a login, for breachflow's client, whose audience (the client id) this application accepts
   * for access tokens too, as Entra ID's v2.0 access tokens for the API carry it.
   */
  @Test
  void shouldRefuseAnIdTokenUsedAsBearerToken() throws Exception {
    String idToken = provider.idToken("ada-admin", "Ada Administratör", List.of(GROUP_ADMIN));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
    assertThat(claims.path("aud").toString()).contains(OidcProvider.CLIENT_ID);
    assertThat(claims.path("nonce").asText()).as("the login's nonce").startsWith("n-");
    refused(idToken);
    HttpResponse<String> api = send("GET", "/api/outbox", "Bearer " + idToken);
    assertThat(JSON.readTree(api.body()).path("detail").asText()).contains("ingen åtkomsttoken").contains("ID-token");
  }

  /** Entra ID puts the user's app roles into the ID token too: the nonce still tells it from an access token. */
  @Test
  void shouldRefuseAnIdTokenWithAppRoles() throws Exception {
    var claims = OidcProvider.claims("Ada Administratör", List.of(GROUP_ADMIN));
    claims.put("roles", List.of(GROUP_ADMIN));
    claims.put("nonce", "n-123");
    refused(provider.token(OidcProvider.ISSUER, "ada-admin", List.of(OidcProvider.CLIENT_ID), claims, 3600));
  }

  /** Signed, for the API, but neither scopes nor permissions: not an access token of this provider's kind. */
  @Test
  void shouldRefuseATokenWithoutScopesOrPermissions() throws Exception {
    refused(provider.token(OidcProvider.ISSUER, "ada-admin", List.of(API_AUDIENCE),
        OidcProvider.claims("Ada Administratör", List.of(GROUP_ADMIN)), 3600));
  }

  /** A JWT of another kind (header typ), e.g. a back-channel logout token, is no access token either. */
  @Test
  void shouldRefuseAJwtOfAnotherType() throws Exception {
    refused(provider.token(OidcProvider.ISSUER, "ada-admin", "logout+jwt", List.of(API_AUDIENCE),
        OidcProvider.accessClaims("Ada Administratör", List.of(GROUP_ADMIN)), 3600));
  }

  /**
   * What the rule lets through: an application's token (client credentials: Entra ID's roles, no scp), one with
   * RFC 9068's scope, and one declared an access token by its header (typ at+jwt).
   */
  @Test
  void shouldAcceptApplicationTokensAndOtherProvidersAccessTokens() throws Exception {
    var application = OidcProvider.claims("Integration", List.of(GROUP_ADMIN));
    application.put("roles", List.of("Incidents.Read"));
    application.put("idtyp", "app");
    var scoped = OidcProvider.claims("Integration", List.of(GROUP_ADMIN));
    scoped.put("scope", "openid breachflow");
    for (String token : List.of(provider.token(OidcProvider.ISSUER, "app-1", List.of(API_AUDIENCE), application, 600),
        provider.token(OidcProvider.ISSUER, "app-2", List.of(API_AUDIENCE), scoped, 600),
        provider.token(OidcProvider.ISSUER, "app-3", "at+jwt", List.of(API_AUDIENCE),
            OidcProvider.claims("Integration", List.of(GROUP_ADMIN)), 600))) {
      assertThat(send("GET", "/engine-rest/deployment", "Bearer " + token).statusCode()).isEqualTo(200);
      assertThat(send("GET", "/api/outbox", "Bearer " + token).statusCode()).isEqualTo(200);
    }
  }

  /** A group the provider lets anyone create, named like a role: only configured group ids give roles. */
  @Test
  void shouldGiveNoRoleForAGroupNamedLikeARole() throws Exception {
    String token = provider.accessToken("mallory", "Mallory", List.of("camunda-admin", "dpo-ks", "coordinator-ks"));
    assertThat(send("GET", "/engine-rest/deployment", "Bearer " + token).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/outbox", "Bearer " + token).statusCode()).isEqualTo(403);
  }

  /** A role in another claim than the configured ones ({@code groups}, {@code roles}) counts for nothing. */
  @Test
  void shouldReadRolesOnlyFromTheConfiguredClaims() throws Exception {
    var claims = OidcProvider.accessClaims("Mallory", List.of());
    claims.put("wids", List.of(GROUP_ADMIN));
    String token = provider.token(OidcProvider.ISSUER, "mallory", List.of(API_AUDIENCE), claims, 3600);
    assertThat(send("GET", "/engine-rest/deployment", "Bearer " + token).statusCode()).isEqualTo(403);
  }

  /** The reporter is the token's user, never what the body says (ForgedReporterAttackTest, with a token). */
  @Test
  void shouldRefuseAReportNamingAnotherReporter() throws Exception {
    String token = provider.accessToken("mallory", "Mallory", List.of());
    String forged = se.breachflow.support.Reports.contractJson("ks").replaceFirst("\\{",
        "{ \"reporterId\": \"anna-dpo\",");
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(app.uri("/api/incidents"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(forged)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("reporterId");
  }

  @Test
  void shouldCheckNoPasswordAnywhere() throws Exception {
    // No user has a password; even one the provider knows, with its id as password (the demo's convention).
    provider.accessToken("ada-admin", "Ada Administratör", List.of(GROUP_ADMIN));
    String basic = "Basic " + Base64.getEncoder().encodeToString("ada-admin:ada-admin".getBytes());
    HttpResponse<String> api = send("GET", "/api/incidents", basic);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(send("GET", "/engine-rest/task", basic).statusCode()).isEqualTo(401);
    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(app.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=ada-admin&password=ada-admin")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isIn(401, 403);
    HttpResponse<String> setup = HTTP.send(HttpRequest.newBuilder(app.uri("/camunda/api/admin/setup/default/user/create"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"eve\"},\"credentials\":{\"password\":\"eve12345678\"}}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(setup.statusCode()).isIn(401, 403);
  }

  @Test
  void shouldRefuseTheApiWithoutAnyLoginAsAProblem() throws Exception {
    HttpResponse<String> response = send("GET", "/api/incidents", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(401);
  }

  /** 401 on engine REST and on the API (problem+json in Swedish), as an administrator would have been let in. */
  private static void refused(String token) throws Exception {
    HttpResponse<String> engine = send("GET", "/engine-rest/deployment", "Bearer " + token);
    assertThat(engine.statusCode()).as(engine.body()).isEqualTo(401);
    HttpResponse<String> api = send("GET", "/api/outbox", "Bearer " + token);
    assertThat(api.statusCode()).as(api.body()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(api.body());
    assertThat(problem.path("detail").asText()).contains("Åtkomsttoken godtogs inte");
    assertThat(api.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
    HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(app.uri("/api/incidents"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(se.breachflow.support.Reports.contractJson("ks"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).isEqualTo(401);
  }

  private static JWTClaimsSet forgedClaims() {
    return new JWTClaimsSet.Builder().issuer(provider.issuer()).subject("ada-admin").audience(API_AUDIENCE)
        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
        .claim("groups", List.of(GROUP_ADMIN, GROUP_DPO_KS)).claim("scp", "access").build();
  }

  private static HttpResponse<String> send(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.uri(path).toString()))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
