package se.breachflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.breachflow.support.BreachflowTest;

/** {@code POST /api/assessments} with the whole application. */
@BreachflowTest
class AssessmentControllerTest {

  /** The example of issue 3: EDPB case 9 in small. */
  static final String EXAMPLE = """
      { "breachTypes": ["CONFIDENTIALITY"], "cause": "MISDIRECTED_EMAIL", "dataCategories": ["IDENTITY", "CONTACT"],
        "dataSubjectCount": 24, "vulnerableSubjects": false, "publiclyAvailable": false,
        "identifiability": "MAXIMUM", "confidentialityLoss": "KNOWN_RECIPIENTS", "integrityLoss": "NONE",
        "availabilityLoss": "NONE", "maliciousIntent": false, "unintelligible": false,
        "recipientConfirmedDeletion": true }""";

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate http;

  @Autowired
  HistoryService history;

  @Autowired
  RepositoryService repository;

  ResponseEntity<JsonNode> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
    return client.postForEntity("/api/assessments", new HttpEntity<>(body, headers), JsonNode.class);
  }

  static String example(Consumer<ObjectNode> change) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(EXAMPLE);
      change.accept(body);
      return body.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void assessesTheExample() {
    long decisionsInHistory = history.createHistoricDecisionInstanceQuery().count();
    ResponseEntity<JsonNode> response = post("reporter", EXAMPLE);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.get("severityScore").isNumber()).isTrue();
    assertThat(body.get("severityScore").decimalValue()).isEqualByComparingTo("1.25");
    assertThat(body.get("severity").asText()).isEqualTo("LOW");
    assertThat(body.get("riskLevel").asText()).isEqualTo("NO_RISK");
    assertThat(body.get("notifyAuthority").isBoolean()).isTrue();
    assertThat(body.get("notifyAuthority").booleanValue()).isFalse();
    assertThat(body.get("notifyDataSubjects").booleanValue()).isFalse();
    assertThat(body.get("reasons").isArray()).isTrue();
    assertThat(body.get("reasons").toString()).contains("Mottagaren har bekräftat radering");
    assertThat(history.createHistoricDecisionInstanceQuery().count()).as("nothing stored")
        .isEqualTo(decisionsInHistory);
  }

  @Test
  void givesTheEdpbConclusionForEveryCaseOfTheDesignSet() throws IOException {
    for (JsonNode c : EdpbCasesTest.cases()) {
      JsonNode body = post("coordinator", c.get("input").toString()).getBody();
      assertThat(body.get("notifyAuthority").booleanValue()).as("case %s", c.get("case"))
          .isEqualTo(c.get("expected").get("notifyAuthority").booleanValue());
      assertThat(body.get("notifyDataSubjects").booleanValue()).as("case %s", c.get("case"))
          .isEqualTo(c.get("expected").get("notifyDataSubjects").booleanValue());
    }
  }

  @Test
  void highRisk() {
    JsonNode body = post("dpo", example(b -> {
      b.putArray("dataCategories").add("IDENTITY").add("PROTECTED_IDENTITY");
      b.put("recipientConfirmedDeletion", false);
    })).getBody();
    assertThat(body.get("riskLevel").asText()).isEqualTo("HIGH_RISK");
    assertThat(body.get("notifyAuthority").booleanValue()).isTrue();
    assertThat(body.get("notifyDataSubjects").booleanValue()).isTrue();
    assertThat(body.get("reasons").toString()).contains("Skyddade personuppgifter");
  }

  @Test
  void refusesAMissingField() {
    assertBadRequest(example(b -> b.remove("identifiability")), "identifiability", "saknas");
    assertBadRequest(example(b -> b.putNull("cause")), "cause", "saknas");
  }

  @Test
  void refusesAWrongType() {
    assertBadRequest(example(b -> b.put("dataSubjectCount", "24")), "dataSubjectCount", "heltal");
    assertBadRequest(example(b -> b.put("dataSubjectCount", 2.5)), "dataSubjectCount", "heltal");
    assertBadRequest(example(b -> b.put("vulnerableSubjects", "true")), "vulnerableSubjects", "true eller false");
    assertBadRequest(example(b -> b.put("unintelligible", 1)), "unintelligible", "true eller false");
    assertBadRequest(example(b -> b.put("breachTypes", "CONFIDENTIALITY")), "breachTypes", "lista");
    assertBadRequest(example(b -> b.put("cause", 3)), "cause", "Ska vara ett av");
  }

  @Test
  void refusesAnUnknownValue() {
    assertBadRequest(example(b -> b.put("cause", "ALIENS")), "cause", "Okänt värde \"ALIENS\"");
    assertBadRequest(example(b -> b.putArray("dataCategories").add("IDENTITY").add("SHOE_SIZE")), "dataCategories",
        "SHOE_SIZE");
    assertBadRequest(example(b -> b.put("identifiability", "maximum")), "identifiability", "Okänt värde");
  }

  @Test
  void refusesOutOfRangeValues() {
    assertBadRequest(example(b -> b.put("dataSubjectCount", 0)), "dataSubjectCount", "minst 1");
    assertBadRequest(example(b -> b.putArray("breachTypes")), "breachTypes", "minst ett");
  }

  @Test
  void refusesALossWithoutItsBreachType() {
    assertBadRequest(example(b -> b.put("integrityLoss", "RECOVERABLE")), "integrityLoss", "INTEGRITY");
    assertBadRequest(example(b -> b.put("availabilityLoss", "PERMANENT")), "availabilityLoss", "AVAILABILITY");
    assertBadRequest(example(b -> b.putArray("breachTypes").add("AVAILABILITY")), "confidentialityLoss",
        "CONFIDENTIALITY");
  }

  @Test
  void namesEveryBadField() {
    JsonNode problem = assertBadRequest(example(b -> {
      b.remove("cause");
      b.put("maliciousIntent", "no");
    }), "cause", "saknas");
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("cause", "maliciousIntent");
  }

  @Test
  void refusesABodyThatIsNotAnObject() {
    assertBadRequest("[]", "body", "JSON-objekt");
    assertBadRequest("{ not json", "body", "JSON-objekt");
  }

  @Test
  void needsCredentials() {
    assertThat(post(null, EXAMPLE).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    // An unknown user: a wrong password for a real one would lock it for a while (Camunda's login throttling).
    assertThat(http.withBasicAuth("nobody", "nobody")
        .postForEntity("/api/assessments", new HttpEntity<>(EXAMPLE, headers), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /** A threshold changed in the model and deployed (as from Camunda Modeler) takes effect without Java. */
  @Test
  void usesTheLatestDeployedRules() throws IOException {
    String fewPersonalIdNumbers = example(b -> {
      b.putArray("dataCategories").add("IDENTITY").add("PERSONAL_ID_NUMBER");
      b.put("dataSubjectCount", 50);
      b.put("recipientConfirmedDeletion", false);
    });
    assertThat(post("reporter", fewPersonalIdNumbers).getBody().get("riskLevel").asText()).isEqualTo("RISK");
    String dmn;
    try (InputStream in = Files.newInputStream(Dmn.MODEL)) {
      dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String lowered = dmn.replace("[100..1000[", "[50..1000[").replace("&lt; 100", "&lt; 50");
    assertThat(lowered).isNotEqualTo(dmn);
    Deployment deployment = repository.createDeployment().name("threshold-test")
        .addString("risk-assessment.dmn", lowered).deploy();
    try {
      assertThat(post("reporter", fewPersonalIdNumbers).getBody().get("riskLevel").asText()).isEqualTo("HIGH_RISK");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(post("reporter", fewPersonalIdNumbers).getBody().get("riskLevel").asText()).isEqualTo("RISK");
  }

  @Test
  void theRulesAreDeployedForCockpit() {
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(RiskRules.DECISION_KEY).count())
        .isPositive();
    assertThat(repository.createDecisionRequirementsDefinitionQuery().list())
        .anyMatch(drd -> drd.getResourceName().endsWith("risk-assessment.dmn"));
  }

  private JsonNode assertBadRequest(String body, String field, String reasonPart) {
    ResponseEntity<JsonNode> response = post("reporter", body);
    assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode errors = response.getBody().get("errors");
    assertThat(errors).as(response.getBody().toString()).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo(field);
      assertThat(error.get("reason").asText()).contains(reasonPart);
    });
    return response.getBody();
  }
}
