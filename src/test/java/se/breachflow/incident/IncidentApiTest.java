package se.breachflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.Groups;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.Reports;

/** {@code POST /api/incidents} and {@code GET /api/incidents/{number}}: the contract of issue 2. */
@BreachflowTest
class IncidentApiTest {


  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void shouldReportAnIncidentAndAnswerWithItsNumberAndDeadline() throws Exception {
    ResponseEntity<String> response = post("reporter", contract());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    String number = body.get("number").asText();
    assertThat(number).matches("PUI-2026-\\d{4}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/incidents/" + number);
    assertThat(body.get("controllerId").asText()).isEqualTo("ks");
    assertThat(body.get("authorityDeadline").asText()).isEqualTo("2026-11-23T09:30:00Z");
    assertThat(body.get("status").asText()).isEqualTo("ASSESSMENT");
    assertThat(body.get("reporterId").asText()).isEqualTo("reporter");

    JsonNode read = json.readTree(get("coordinator", "/api/incidents/" + number).getBody());
    assertThat(read.get("description").asText()).isEqualTo("E-post med tre elevers namn skickades till fel vårdnadshavare.");
    assertThat(read.get("openTasks").get(0).get("taskDefinitionKey").asText()).isEqualTo("userTask_assessIncident");
    assertThat(read.get("preliminaryAssessment").get("riskLevel").asText()).isNotEmpty();
    assertThat(read.get("late").asBoolean()).isFalse();
  }

  @Test
  void shouldGiveNumbersInSequence() throws Exception {
    String first = json.readTree(post("reporter", contract()).getBody()).get("number").asText();
    String second = json.readTree(post("reporter", contract()).getBody()).get("number").asText();
    assertThat(Integer.parseInt(second.substring(9))).isEqualTo(Integer.parseInt(first.substring(9)) + 1);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "controllerId       | \"xx\"                          | controllerId",
      "description        | null                          | description",
      "description        | \"   \"                        | description",
      "cause              | \"SPILLED_COFFEE\"              | cause",
      "breachTypes        | []                            | breachTypes",
      "breachTypes        | [\"LEAKED\"]                  | breachTypes",
      "dataCategories     | [\"SHOE_SIZE\"]               | dataCategories",
      "dataSubjectCount   | 0                             | dataSubjectCount",
      "dataSubjectCount   | \"many\"                      | dataSubjectCount",
      "dataSubjectCount   | 2.5                           | dataSubjectCount",
      "vulnerableSubjects | \"maybe\"                     | vulnerableSubjects",
      "recipient          | \"NEIGHBOUR\"                 | recipient",
      "occurredAt         | \"2026-11-21T09:00:00+01:00\" | occurredAt",
      "occurredAt         | \"yesterday\"                 | occurredAt",
      "discoveredAt       | \"2026-11-20T08:00:00+01:00\" | discoveredAt",
      "discoveredAt       | \"2027-01-01T00:00:00Z\"      | discoveredAt",
      "controllerId       | {\"id\":\"ks\"}               | controllerId"})
  void shouldRefuseABadFieldAndNameIt(String field, String value, String named) throws Exception {
    String body = contract().replaceFirst("\"" + field + "\": [^\\n]*?(,?)\\n",
        "\"" + field + "\": " + value.replace("$", "\\$") + "$1\n");
    assertThat(body).contains("\"" + field + "\": " + value);

    ResponseEntity<String> response = post("reporter", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode errors = json.readTree(response.getBody()).get("errors");
    assertThat(errors.findValuesAsText("field")).contains(named);
    assertThat(errors.findValuesAsText("reason")).allMatch(reason -> !reason.isBlank());
  }

  @Test
  void shouldRefuseAReportWithoutItsRequiredFieldsAndNameEach() throws Exception {
    ResponseEntity<String> response = post("reporter", "{}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "controllerId", "description", "cause", "breachTypes", "dataCategories", "dataSubjectCount");
  }

  @Test
  void shouldRefuseWhatIsNotJson() {
    ResponseEntity<String> response = post("reporter", "not json");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void shouldAskForCredentials() {
    ResponseEntity<String> response = http.exchange("/api/incidents", HttpMethod.POST, entity(null, contract()),
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

    // A failed login delays the next ones for that user (the engine's brute-force protection): use a user
    // no other test needs.
    User forgetful = identity.newUser("forgetful");
    forgetful.setPassword("forgetful");
    identity.saveUser(forgetful);
    ResponseEntity<String> wrongPassword = http.exchange("/api/incidents", HttpMethod.POST,
        entity(new String[] {"forgetful", "fel"}, contract()), String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldProtectEngineRest() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("dpo", "dpo").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldNotShowAnIncidentToSomeoneWithoutAPartInIt() throws Exception {
    User outsider = identity.newUser("outsider");
    outsider.setPassword("outsider");
    identity.saveUser(outsider);
    identity.createMembership("outsider", Groups.STAFF);
    String number = json.readTree(post("reporter", contract()).getBody()).get("number").asText();

    assertThat(get("outsider", "/api/incidents/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("reporter", "/api/incidents/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("manager", "/api/incidents/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("dpo", "/api/incidents/PUI-1999-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<String> post(String user, String body) {
    return http.exchange("/api/incidents", HttpMethod.POST, entity(new String[] {user, user}, body), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private static HttpEntity<String> entity(String[] credentials, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    if (credentials != null) {
      headers.setBasicAuth(credentials[0], credentials[1]);
    }
    return new HttpEntity<>(body, headers);
  }

  /** The contract's report, made after the clock is set. */
  private static String contract() {
    return Reports.contractJson("ks");
  }
}
