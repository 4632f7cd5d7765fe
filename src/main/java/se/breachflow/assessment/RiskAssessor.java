package se.breachflow.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Evaluates the risk rules (DMN decision {@value #DECISION_KEY} in {@code bpmn/risk-assessment.dmn}) for a
 * set of facts. The same evaluation serves the API and the process.
 */
@Service
public class RiskAssessor {

  public static final String DECISION_KEY = "risk-level";

  private static final Set<DataCategory> SENSITIVE = EnumSet.of(
      DataCategory.HEALTH, DataCategory.SPECIAL_CATEGORY, DataCategory.CRIMINAL_OFFENCE,
      DataCategory.SOCIAL_SERVICES, DataCategory.PROTECTED_IDENTITY);

  private final DecisionService decisionService;

  public RiskAssessor(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  public RiskAssessment assess(RiskFacts facts) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("sensitiveData", facts.dataCategories().stream().anyMatch(SENSITIVE::contains));
    inputs.put("vulnerableSubjects", facts.vulnerableSubjects());
    inputs.put("confidentialityLoss", facts.confidentialityLoss().name());
    inputs.put("integrityLoss", facts.integrityLoss().name());
    inputs.put("availabilityLoss", facts.availabilityLoss().name());
    inputs.put("unintelligible", facts.unintelligible());
    inputs.put("recipientConfirmedDeletion", facts.recipientConfirmedDeletion());
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(DECISION_KEY).variables(inputs).evaluate();
    RiskLevel level = RiskLevel.valueOf(result.getSingleResult().getEntry("riskLevel"));
    String reason = result.getSingleResult().getEntry("reason");

    BigDecimal score = severityScore(facts);
    List<String> reasons = new ArrayList<>();
    reasons.add(reason);
    return new RiskAssessment(score, band(score), level, level != RiskLevel.NO_RISK,
        level == RiskLevel.HIGH_RISK && !facts.unintelligible(), reasons);
  }

  /** ENISA SE = DPC × EI + CB with the base DPC of the most sensitive category (no adjustments yet). */
  static BigDecimal severityScore(RiskFacts facts) {
    int dpc = 1;
    for (DataCategory category : facts.dataCategories()) {
      dpc = Math.max(dpc, switch (category) {
        case BEHAVIOURAL, LOCATION -> 2;
        case FINANCIAL, PERSONAL_ID_NUMBER, CREDENTIALS -> 3;
        case HEALTH, SPECIAL_CATEGORY, CRIMINAL_OFFENCE, SOCIAL_SERVICES, PROTECTED_IDENTITY -> 4;
        default -> 1;
      });
    }
    BigDecimal ei = switch (facts.identifiability()) {
      case NEGLIGIBLE -> new BigDecimal("0.25");
      case LIMITED -> new BigDecimal("0.5");
      case SIGNIFICANT -> new BigDecimal("0.75");
      case MAXIMUM -> BigDecimal.ONE;
    };
    BigDecimal cb = BigDecimal.ZERO
        .add(quarterSteps(facts.confidentialityLoss().ordinal()))
        .add(quarterSteps(facts.integrityLoss().ordinal()))
        .add(quarterSteps(facts.availabilityLoss().ordinal()))
        .add(facts.maliciousIntent() ? new BigDecimal("0.5") : BigDecimal.ZERO);
    return BigDecimal.valueOf(dpc).multiply(ei).add(cb).stripTrailingZeros();
  }

  private static BigDecimal quarterSteps(int steps) {
    return new BigDecimal("0.25").multiply(BigDecimal.valueOf(steps));
  }

  static Severity band(BigDecimal score) {
    if (score.compareTo(BigDecimal.valueOf(2)) < 0) {
      return Severity.LOW;
    }
    if (score.compareTo(BigDecimal.valueOf(3)) < 0) {
      return Severity.MEDIUM;
    }
    return score.compareTo(BigDecimal.valueOf(4)) < 0 ? Severity.HIGH : Severity.VERY_HIGH;
  }
}
