package se.breachflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import se.breachflow.support.BreachflowTest;

/**
 * The same rules inside the process: a report by a member of staff (who has no permission on the decision
 * definitions) gets its preliminary assessment, reasons included, stored with the incident.
 */
@BreachflowTest
class ProcessAssessmentTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void aReportGetsAPreliminaryAssessmentWithReasons() {
    String report = """
        { "controllerId": "sn", "description": "Ett utredningsprotokoll skickades till fel mottagare.",
          "cause": "MISDIRECTED_EMAIL", "breachTypes": ["CONFIDENTIALITY"],
          "dataCategories": ["IDENTITY", "SOCIAL_SERVICES"], "dataSubjectCount": 3, "vulnerableSubjects": false,
          "recipient": "EXTERNAL", "recipientConfirmedDeletion": false, "processorInvolved": false }""";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> response = http.withBasicAuth("reporter", "reporter")
        .postForEntity("/api/incidents", new HttpEntity<>(report, headers), JsonNode.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode assessment = response.getBody().get("preliminaryAssessment");
    assertThat(assessment.get("riskLevel").asText()).isEqualTo("HIGH_RISK");
    assertThat(assessment.get("notifyAuthority").booleanValue()).isTrue();
    assertThat(assessment.get("notifyDataSubjects").booleanValue()).isTrue();
    assertThat(assessment.get("reasons").toString()).contains("Socialtjänstuppgifter");
  }
}
