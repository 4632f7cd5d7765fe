package se.breachflow.assessment;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * One parsed version of the risk rules ({@code bpmn/risk-assessment.dmn}) and its evaluation. Every weight,
 * threshold, rule and reason lives in the DMN; this class only hands the facts over as plain values and
 * reads the top decision's result back.
 *
 * <p>Evaluated with a stand-alone DMN engine: nothing is written to the engine's history, so the
 * stateless API stores nothing, and no engine authorization applies to the rules themselves.
 */
public final class RiskRules {

  /** The top decision of the DRD; it requires all the others. */
  public static final String DECISION_KEY = "risk-assessment";

  /** Each FEEL text of the table is parsed once ({@link ParsedOnceFeelEngine}), not on every evaluation. */
  private static final DmnEngine ENGINE = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
      .createDefaultDmnEngineConfiguration()).feelEngineFactory(ParsedOnceFeelEngine.factory()).buildEngine();

  private final DmnDecision decision;

  private RiskRules(DmnDecision decision) {
    this.decision = decision;
  }

  /** Parses a DMN resource that holds the decision {@value #DECISION_KEY} and the decisions it requires. */
  public static RiskRules parse(InputStream dmn) {
    return new RiskRules(ENGINE.parseDecision(DECISION_KEY, dmn));
  }

  public RiskAssessment evaluate(RiskFacts facts) {
    DmnDecisionResult result = ENGINE.evaluateDecision(decision, variables(facts));
    Map<String, Object> assessment = result.getSingleEntry();
    return new RiskAssessment(
        score((Number) assessment.get("severityScore")),
        Severity.valueOf((String) assessment.get("severity")),
        RiskLevel.valueOf((String) assessment.get("riskLevel")),
        (Boolean) assessment.get("notifyAuthority"),
        (Boolean) assessment.get("notifyDataSubjects"),
        reasons(assessment.get("reasons")));
  }

  /**
   * The facts as DMN inputs: enum values by name, sets as lists of names, flags and the count as they are.
   * Which category counts as what (sensitive, Art. 9, ...) is decided in the DMN, not here.
   */
  static Map<String, Object> variables(RiskFacts facts) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("breachTypes", names(facts.breachTypes()));
    inputs.put("cause", facts.cause() == null ? null : facts.cause().name());
    inputs.put("dataCategories", names(facts.dataCategories()));
    inputs.put("dataSubjectCount", facts.dataSubjectCount());
    inputs.put("vulnerableSubjects", facts.vulnerableSubjects());
    inputs.put("publiclyAvailable", facts.publiclyAvailable());
    inputs.put("identifiability", facts.identifiability().name());
    inputs.put("confidentialityLoss", facts.confidentialityLoss().name());
    inputs.put("integrityLoss", facts.integrityLoss().name());
    inputs.put("availabilityLoss", facts.availabilityLoss().name());
    inputs.put("maliciousIntent", facts.maliciousIntent());
    inputs.put("unintelligible", facts.unintelligible());
    inputs.put("recipientConfirmedDeletion", facts.recipientConfirmedDeletion());
    return inputs;
  }

  private static List<String> names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toList();
  }

  /** ENISA scores are multiples of 0.25: exact in a double; shown without trailing zeros (1.25, 3). */
  private static BigDecimal score(Number value) {
    BigDecimal score = new BigDecimal(value.toString()).stripTrailingZeros();
    return score.scale() < 0 ? score.setScale(0) : score;
  }

  private static List<String> reasons(Object value) {
    if (value == null) {
      return List.of();
    }
    Collection<?> reasons = value instanceof Collection<?> c ? c : List.of(value);
    return reasons.stream().filter(r -> r != null && !r.toString().isBlank()).map(Object::toString).distinct()
        .toList();
  }
}
