package se.breachflow.incident;

import java.time.Instant;

import se.breachflow.assessment.RiskAssessment;

/**
 * The DPO's advice to the controller (GDPR Art. 39(1)(a)): whether it is a breach, whether to notify IMY and
 * to inform the data subjects, and why. The DPO advises; the controller decides (Art. 38(6)).
 *
 * @param reasons why, required when the advice departs from the rules' recommendation
 */
public record DpoAdvice(
    boolean notABreach,
    boolean notifyImy,
    boolean informDataSubjects,
    String reasons,
    String advisedBy,
    Instant advisedAt) {

  /** Whether the advice says otherwise than the rules (no recommendation: nothing to depart from). */
  public boolean departsFrom(RiskAssessment recommendation) {
    return notABreach || (recommendation != null && (notifyImy != recommendation.notifyAuthority()
        || informDataSubjects != recommendation.notifyDataSubjects()));
  }
}
