package se.breachflow.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the rules recommend; the controller decides, on the DPO's advice.
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

  /** The ENISA score as people read it: a decimal comma, no trailing zeros, e.g. {@code 2,75}. */
  public String scoreText() {
    return severityScore.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  /** The recommendation in Swedish, e.g. "anmäl till IMY, ingen information till de registrerade". */
  public String recommendation() {
    return (notifyAuthority ? "anmäl till IMY" : "ingen anmälan till IMY") + ", "
        + (notifyDataSubjects ? "informera de registrerade" : "ingen information till de registrerade");
  }
}
