package se.breachflow.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the rules recommend; the DPO decides.
 *
 * @param reasons Swedish sentences naming the facts that drove the result, for the DPO and the documents
 */
public record RiskAssessment(
    BigDecimal severityScore,
    Severity severity,
    RiskLevel riskLevel,
    boolean notifyAuthority,
    boolean notifyDataSubjects,
    List<String> reasons) {

  public RiskAssessment {
    reasons = List.copyOf(reasons);
  }
}
