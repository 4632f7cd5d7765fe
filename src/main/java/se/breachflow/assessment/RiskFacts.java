package se.breachflow.assessment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The facts the risk rules weigh (EDPB 9/2022 factors, ENISA 2013 method). Nothing here identifies a
 * person: these facts may travel as process variables and into the DMN engine.
 */
public record RiskFacts(
    Set<BreachType> breachTypes,
    Cause cause,
    Set<DataCategory> dataCategories,
    int dataSubjectCount,
    boolean vulnerableSubjects,
    boolean publiclyAvailable,
    Identifiability identifiability,
    ConfidentialityLoss confidentialityLoss,
    IntegrityLoss integrityLoss,
    AvailabilityLoss availabilityLoss,
    boolean maliciousIntent,
    boolean unintelligible,
    boolean recipientConfirmedDeletion) {

  public RiskFacts {
    breachTypes = Collections.unmodifiableSet(copy(breachTypes, BreachType.class));
    dataCategories = Collections.unmodifiableSet(copy(dataCategories, DataCategory.class));
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Set<E> values, Class<E> type) {
    return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
  }

  /**
   * The facts as far as a report in plain words tells them: the ENISA circumstances follow from the breach
   * types, the recipient and the cause; the coordinator refines them in the assessment.
   *
   * @param recipientKnown for a disclosure, whether the recipients are known (a misdirected message to a
   *     known address) rather than unknown
   */
  public static RiskFacts fromReport(
      Set<BreachType> breachTypes,
      Cause cause,
      Set<DataCategory> dataCategories,
      int dataSubjectCount,
      boolean vulnerableSubjects,
      boolean recipientKnown,
      boolean recipientConfirmedDeletion) {
    boolean disclosed = breachTypes.contains(BreachType.CONFIDENTIALITY);
    return new RiskFacts(
        breachTypes,
        cause,
        dataCategories,
        dataSubjectCount,
        vulnerableSubjects,
        false,
        Identifiability.MAXIMUM,
        !disclosed ? ConfidentialityLoss.NONE
            : recipientKnown ? ConfidentialityLoss.KNOWN_RECIPIENTS : ConfidentialityLoss.UNKNOWN_RECIPIENTS,
        breachTypes.contains(BreachType.INTEGRITY) ? IntegrityLoss.RECOVERABLE : IntegrityLoss.NONE,
        breachTypes.contains(BreachType.AVAILABILITY) ? AvailabilityLoss.TEMPORARY : AvailabilityLoss.NONE,
        cause.isMalicious(),
        false,
        disclosed && recipientConfirmedDeletion);
  }
}
