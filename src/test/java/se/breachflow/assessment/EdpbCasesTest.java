package se.breachflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The design set: every case of EDPB Guidelines 01/2021 (v2.0) encoded in the project's test data
 * ({@code src/test/resources/assessment/edpb-cases.json}) must give the EDPB's conclusion on notifying the
 * authority and the data subjects. The input is read exactly as the API reads it. The guidelines have 18 cases;
 * only a case whose conclusion v1.0 and v2.0 disagree on is left out, and the file says which and why.
 */
class EdpbCasesTest {

  static final String CASES = "/assessment/edpb-cases.json";

  /** The number of cases in the guidelines: CASE No. 01 to CASE No. 18. */
  static final int CASES_IN_THE_GUIDELINES = 18;

  static JsonNode file() throws IOException {
    try (InputStream in = EdpbCasesTest.class.getResourceAsStream(CASES)) {
      assertThat(in).as("the test data " + CASES).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  static List<JsonNode> cases() throws IOException {
    List<JsonNode> cases = new ArrayList<>();
    file().get("cases").forEach(cases::add);
    return cases;
  }

  @Test
  void everyCaseOfTheGuidelinesIsEncodedOrLeftOutWithAReason() throws IOException {
    Set<Integer> numbers = new TreeSet<>();
    for (JsonNode c : cases()) {
      assertThat(numbers.add(c.get("case").asInt())).as("case %s once", c.get("case")).isTrue();
      assertThat(c.path("source").asText()).as("source of case %s", c.get("case")).contains("EDPB 01/2021 v2.0");
      assertThat(c.path("interpretation").asText()).as("interpretation of case %s", c.get("case")).isNotBlank();
    }
    for (JsonNode left : file().get("leftOut")) {
      assertThat(numbers.add(left.get("case").asInt())).as("case %s left out and encoded", left.get("case")).isTrue();
      assertThat(left.path("reason").asText()).as("why case %s is left out", left.get("case")).contains("v1.0");
    }
    assertThat(numbers).containsExactlyElementsOf(
        IntStream.rangeClosed(1, CASES_IN_THE_GUIDELINES).boxed().toList());
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(17);
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
