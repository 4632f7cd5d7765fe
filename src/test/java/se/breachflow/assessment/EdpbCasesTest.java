package se.breachflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The design set: every case of EDPB Guidelines 01/2021 encoded in the project's test data
 * ({@code src/test/resources/assessment/edpb-cases.json}) must give the EDPB's conclusion on notifying the
 * authority and the data subjects. The input is read exactly as the API reads it.
 */
class EdpbCasesTest {

  static final String CASES = "/assessment/edpb-cases.json";

  static List<JsonNode> cases() throws IOException {
    JsonNode file;
    try (InputStream in = EdpbCasesTest.class.getResourceAsStream(CASES)) {
      assertThat(in).as("the test data " + CASES).isNotNull();
      file = new ObjectMapper().readTree(in);
    }
    List<JsonNode> cases = new ArrayList<>();
    file.get("cases").forEach(cases::add);
    return cases;
  }

  @Test
  void theDesignSetIsThere() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(9);
  }

  @TestFactory
  Stream<DynamicTest> everyCaseGivesTheEdpbConclusion() throws IOException {
    RiskRules rules = Dmn.rules();
    return cases().stream().map(c -> DynamicTest.dynamicTest(
        "EDPB case " + c.get("case").asText() + ": " + c.get("title").asText(), () -> {
          RiskAssessment assessment = rules.evaluate(AssessmentRequest.read(c.get("input")));
          JsonNode expected = c.get("expected");
          assertThat(assessment.notifyAuthority()).as("notifyAuthority, %s", assessment)
              .isEqualTo(expected.get("notifyAuthority").booleanValue());
          assertThat(assessment.notifyDataSubjects()).as("notifyDataSubjects, %s", assessment)
              .isEqualTo(expected.get("notifyDataSubjects").booleanValue());
          assertThat(assessment.reasons()).isNotEmpty();
        }));
  }
}
