package se.breachflow.assessment;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/assessments}: what the risk rules recommend for a set of facts. Stateless: nothing is
 * stored, not even in the engine's decision history. Any logged-in user may ask (HTTP Basic on /api/*).
 */
@RestController
@RequestMapping(path = "/api/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
class AssessmentController {

  private final RiskAssessor assessor;

  AssessmentController(RiskAssessor assessor) {
    this.assessor = assessor;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  RiskAssessment assess(@RequestBody JsonNode body) {
    return assessor.assess(AssessmentRequest.read(body));
  }
}
