package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.breachflow.support.Calls;
import se.breachflow.organisation.TestControllers;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.TestLogin;
import se.breachflow.support.WebappSession;

/**
 * {@code PUT /api/controllers/{id}} as an attacker calls it: a staff member, a coordinator or the DPO trying to add a
 * controller or take one over (403, nothing stored, no group created), the session cookie of a logged-in
 * administrator without Basic credentials (401: a page elsewhere cannot make the browser change controllers), and an
 * administrator's bad input — each a 400 problem naming the field in Swedish, never a 500, and nothing stored.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class ControllerAdministrationAttackTest {

  static final String ID = "t-attack";

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();
  private Calls calls;

  @BeforeEach
  void setUp() {
    calls = new Calls(http);
  }

  @AfterEach
  void remove() {
    TestControllers.remove(jdbc, identity, ID);
  }

  private ObjectNode valid() throws Exception {
    return (ObjectNode) json.readTree("""
        {"name": "Barn- och utbildningsnämnden", "organisationNumber": "212000-0000",
         "postalAddress": "Box 1, 100 00 Exempelstad",
         "dpo": {"name": "Dataskyddsombudet", "email": "dso@kommun.example", "phone": "010-123 45 00"},
         "retentionPeriod": "P10Y"}""");
  }

  @Test
  void shouldRefuseEveryoneButAdministratorsAndStoreNothing() throws Exception {
    String before = jdbc.queryForObject("select version from controller_version", String.class);
    for (String user : List.of("reporter", "coordinator", "dpo", "decider", "manager", "security")) {
      ResponseEntity<String> taken = calls.put(user, "/api/controllers/ks", valid().toString());
      assertThat(taken.getStatusCode()).as(user + " takes over ks").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json.readTree(taken.getBody()).path("detail").asText()).isEqualTo("Bara administratörer får göra detta.");
      assertThat(calls.put(user, "/api/controllers/" + ID, valid().toString()).getStatusCode()).as(user + " adds")
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(jdbc.queryForObject("select name from controller where id = 'ks'", String.class))
        .isEqualTo("Kommunstyrelsen");
    assertThat(jdbc.queryForObject("select count(*) from controller where id = ?", Integer.class, ID)).isZero();
    assertThat(jdbc.queryForObject("select version from controller_version", String.class)).isEqualTo(before);
    assertThat(identity.createGroupQuery().groupId("coordinator-" + ID).count()).isZero();
  }

  /** The webapps' login reads the API (ADR 0006) but never writes: a forged PUT from another page is 401. */
  @Test
  void shouldNotChangeControllersWithTheWebappSessionAlone() throws Exception {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("admin", "admin")).isEqualTo(200);
    assertThat(session.put("/api/controllers/" + ID, valid().toString()).statusCode())
        .as("a PUT with the session's cookie and CSRF token").isEqualTo(401);
    assertThat(session.get("/api/controllers").statusCode()).as("reading with the session is allowed").isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from controller where id = ?", Integer.class, ID)).isZero();
  }

  @Test
  void shouldRefuseBadInputNamingTheField() throws Exception {
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("name", "\"\"");
    bad.put("organisationNumber", "\"2120000000\"");
    bad.put("postalAddress", "\"Box 1\\n<script>alert(1)</script>\"");
    bad.put("retentionPeriod", "\"P-1Y\"");
    bad.put("dpo", "\"dataskyddsombud@kommun.example\"");
    for (Map.Entry<String, String> field : bad.entrySet()) {
      ObjectNode body = valid();
      body.set(field.getKey(), json.readTree(field.getValue()));
      assertRefused(ID, body.toString(), field.getKey());
    }
    for (String period : List.of("P0D", "PT72H", "P101Y", "P999999999Y", "10 år", "P1Y1M1W1DT1H")) {
      ObjectNode body = valid();
      body.put("retentionPeriod", period);
      assertRefused(ID, body.toString(), "retentionPeriod");
    }
    ObjectNode email = valid();
    ((ObjectNode) email.get("dpo")).put("email", "inte en adress");
    assertRefused(ID, email.toString(), "dpo.email");
    ObjectNode phone = valid();
    ((ObjectNode) phone.get("dpo")).put("phone", "ring mig");
    assertRefused(ID, phone.toString(), "dpo.phone");
    ObjectNode longName = valid();
    longName.put("name", "N".repeat(201));
    assertRefused(ID, longName.toString(), "name");
    ObjectNode nul = valid();
    nul.put("name", "Nämnd\u0000");
    assertRefused(ID, nul.toString(), "name");
    ObjectNode unknown = valid();
    unknown.put("groups", "camunda-admin");
    assertRefused(ID, unknown.toString(), "groups");
    ObjectNode unknownDpo = valid();
    ((ObjectNode) unknownDpo.get("dpo")).put("userId", "admin");
    assertRefused(ID, unknownDpo.toString(), "dpo.userId");
    ObjectNode otherId = valid();
    otherId.put("id", "ks");
    assertRefused(ID, otherId.toString(), "id");
    ObjectNode missing = valid();
    missing.remove("dpo");
    missing.remove("name");
    assertRefused(ID, missing.toString(), "dpo");
    for (String id : List.of("KS", "-ks", "k s", "a".repeat(33), "ks%2F..", "å")) {
      assertRefused(id, valid().toString(), "id");
    }
    for (String garbage : List.of("[]", "\"ks\"", "{\"name\": {\"$gt\": \"\"}}", "{", "null")) {
      ResponseEntity<String> response = calls.put("admin", "/api/controllers/" + ID, garbage);
      assertThat(response.getStatusCode().value()).as(garbage).isEqualTo(400);
      assertThat(response.getHeaders().getContentType()).as(garbage).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(jdbc.queryForObject("select count(*) from controller where id = ?", Integer.class, ID)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from controller", Integer.class)).isEqualTo(3);
  }

  private void assertRefused(String id, String body, String field) throws Exception {
    ResponseEntity<String> response = calls.put("admin", "/api/controllers/" + id, body);
    assertThat(response.getStatusCode().value()).as(id + " " + body).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(response.getBody());
    // RestTemplate sends a '%' as "%25"; with single sign-on Spring Security refuses that address before the API.
    if (TestLogin.firewallRefuses("/api/controllers/" + id.replace("%", "%25"))) {
      assertThat(problem.path("detail").asText()).as(id).startsWith("Adressen godtas inte");
      return;
    }
    assertThat(problem.path("errors").findValuesAsText("field")).as(body).contains(field);
    assertThat(problem.path("errors").findValuesAsText("reason")).as("Swedish").allMatch(reason ->
        reason.matches(".*[åäöÅÄÖ].*|.*(Ange|Texten|Fältet|ska|Id:t|Skicka).*"));
  }
}
