package se.breachflow.access.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real OpenID Connect provider in the test JVM (no.nav's mock-oauth2-server: discovery, JWKS, authorization
 * code with PKCE, token, end session), with breachflow's client and the groups the child application maps.
 */
public final class OidcProvider implements AutoCloseable {

  public static final String ISSUER = "kommunen";
  public static final String CLIENT_ID = "breachflow-test";
  public static final String CLIENT_SECRET = "hemlig-klient";
  public static final String API_AUDIENCE = "api://breachflow-test";

  /** The provider's group ids (as Entra ID's object ids) and the roles the application is told they give. */
  public static final String GROUP_DPO_KS = "grp-0001-dpo-ks";
  public static final String GROUP_COORDINATOR_KS = "grp-0002-coordinator-ks";
  public static final String GROUP_COORDINATOR_SN = "grp-0003-coordinator-sn";
  public static final String GROUP_ADMIN = "grp-0004-admin";
  public static final String GROUP_DECIDER_KS = "grp-0005-decision-maker-ks";
  public static final String GROUP_SECURITY_KS = "grp-0006-security-ks";
  public static final String GROUP_MANAGEMENT_KS = "grp-0007-management-ks";
  public static final String GROUP_MONITORING = "grp-0008-monitoring";

  private final MockOAuth2Server server = new MockOAuth2Server();

  OidcProvider() {
    server.start();
  }

  String issuer() {
    return server.issuerUrl(ISSUER).toString();
  }

  /**
   * The application in production with single sign-on (prod + oidc), on an H2 file database in
   * {@code directory} (prod's PostgreSQL is not what these tests are about), controllers ks and sn, and cookies
   * without Secure (the tests speak plain HTTP; prod behind its proxy is HTTPS).
   */
  List<String> applicationArguments(java.nio.file.Path directory) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.profiles.active=prod,oidc",
        "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("oidc").toAbsolutePath() + ";LOCK_TIMEOUT=10000",
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--camunda.bpm.database.schema-update=true",
        "--BREACHFLOW_SECURE_COOKIES=false",
        "--breachflow.controllers[0].id=ks",
        "--breachflow.controllers[0].name=Kommunstyrelsen",
        "--breachflow.controllers[1].id=sn",
        "--breachflow.controllers[1].name=Socialnämnden",
        "--breachflow.oidc.issuer-uri=" + issuer(),
        "--breachflow.oidc.client-id=" + CLIENT_ID,
        "--breachflow.oidc.client-secret=" + CLIENT_SECRET,
        "--breachflow.oidc.audiences=" + API_AUDIENCE + "," + CLIENT_ID));
    String[][] roles = {{"dpo-ks", GROUP_DPO_KS}, {"coordinator-ks", GROUP_COORDINATOR_KS},
        {"coordinator-sn", GROUP_COORDINATOR_SN}, {"camunda-admin", GROUP_ADMIN},
        {"decision-maker-ks", GROUP_DECIDER_KS}, {"security-ks", GROUP_SECURITY_KS},
        {"management-ks", GROUP_MANAGEMENT_KS}, {"monitoring", GROUP_MONITORING}};
    for (int i = 0; i < roles.length; i++) {
      arguments.add("--breachflow.oidc.roles[" + i + "].role=" + roles[i][0]);
      arguments.add("--breachflow.oidc.roles[" + i + "].groups=" + roles[i][1]);
    }
    return arguments;
  }

  /** The next login at the provider (its authorize and token endpoints) is this person. */
  public void nextLogin(String subject, String name, List<String> groups) {
    server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of(CLIENT_ID),
        claims(name, groups), 3600));
  }

  /** An access token as an integration gets it for someone, for breachflow's API (with Entra ID's scp). */
  public String accessToken(String subject, String name, List<String> groups) {
    return token(ISSUER, subject, List.of(API_AUDIENCE), accessClaims(name, groups), 3600);
  }

  /**
   * An ID token as the provider issues it to breachflow's client at a login (authorization code flow with a nonce,
   * the code exchanged at the token endpoint): the audience is the client id, and it carries the nonce.
   */
  String idToken(String subject, String name, List<String> groups) throws Exception {
    nextLogin(subject, name, groups);
    HttpClient http = HttpClient.newHttpClient();
    String redirect = "http://localhost/login/oauth2/code/breachflow";
    URI authorize = URI.create(server.authorizationEndpointUrl(ISSUER) + "?client_id=" + CLIENT_ID
        + "&response_type=code&scope=openid&state=s1&nonce=n-" + UUID.randomUUID()
        + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
    HttpResponse<String> code = http.send(HttpRequest.newBuilder(authorize).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String location = code.headers().firstValue("Location").orElseThrow(() -> new AssertionError(code.body()));
    String value = Browser.query(URI.create(location)).get("code");
    HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(
            URI.create(server.tokenEndpointUrl(ISSUER).toString()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + value
            + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
            + "&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(tokens.body()).path("id_token").asText();
  }

  String token(String issuerId, String subject, List<String> audience, Map<String, Object> claims, long expirySeconds) {
    return token(issuerId, subject, "JWT", audience, claims, expirySeconds);
  }

  /** A token with the header typ given (JWT; at+jwt for RFC 9068's access tokens). */
  String token(String issuerId, String subject, String type, List<String> audience, Map<String, Object> claims,
      long expirySeconds) {
    return server.issueToken(issuerId, CLIENT_ID,
        new DefaultOAuth2TokenCallback(issuerId, subject, type, audience, claims, expirySeconds)).serialize();
  }

  /** The claims of an access token for someone: theirs, and the API's delegated scope (Entra ID: scp). */
  static Map<String, Object> accessClaims(String name, List<String> groups) {
    Map<String, Object> claims = claims(name, groups);
    claims.put("scp", "access");
    return claims;
  }

  static Map<String, Object> claims(String name, List<String> groups) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("name", name);
    claims.put("email", name.toLowerCase().replace(' ', '.') + "@exempelkommun.example");
    claims.put("groups", groups);
    return claims;
  }

  /** The bodies of the token requests the provider received since the last call; other requests are dropped. */
  List<String> tokenRequests() {
    List<String> bodies = new ArrayList<>();
    while (true) {
      okhttp3.mockwebserver.RecordedRequest request;
      try {
        request = server.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (RuntimeException noMore) {
        return bodies;
      }
      if (request.getPath() != null && request.getPath().endsWith("/token")) {
        bodies.add(request.getBody().readUtf8());
      }
    }
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
