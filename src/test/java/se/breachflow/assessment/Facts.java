package se.breachflow.assessment;

import java.util.EnumSet;
import java.util.Set;

/** Test facts: by default one person's name and e-mail sent by mistake to one known recipient. */
final class Facts {

  private Set<BreachType> breachTypes = EnumSet.of(BreachType.CONFIDENTIALITY);
  private Cause cause = Cause.MISDIRECTED_EMAIL;
  private Set<DataCategory> dataCategories = EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT);
  private int dataSubjectCount = 1;
  private boolean vulnerableSubjects;
  private boolean publiclyAvailable;
  private Identifiability identifiability = Identifiability.MAXIMUM;
  private ConfidentialityLoss confidentialityLoss = ConfidentialityLoss.KNOWN_RECIPIENTS;
  private IntegrityLoss integrityLoss = IntegrityLoss.NONE;
  private AvailabilityLoss availabilityLoss = AvailabilityLoss.NONE;
  private boolean maliciousIntent;
  private boolean unintelligible;
  private boolean recipientConfirmedDeletion;

  static Facts misdirectedEmail() {
    return new Facts();
  }

  Facts categories(DataCategory first, DataCategory... more) {
    dataCategories = EnumSet.of(first, more);
    return this;
  }

  Facts count(int count) {
    dataSubjectCount = count;
    return this;
  }

  Facts vulnerable() {
    vulnerableSubjects = true;
    return this;
  }

  Facts publiclyAvailable() {
    publiclyAvailable = true;
    return this;
  }

  Facts identifiability(Identifiability value) {
    identifiability = value;
    return this;
  }

  Facts confidentiality(ConfidentialityLoss value) {
    confidentialityLoss = value;
    return this;
  }

  Facts integrity(IntegrityLoss value) {
    integrityLoss = value;
    breachTypes.add(BreachType.INTEGRITY);
    return this;
  }

  Facts availability(AvailabilityLoss value) {
    availabilityLoss = value;
    breachTypes.add(BreachType.AVAILABILITY);
    return this;
  }

  Facts malicious() {
    maliciousIntent = true;
    cause = Cause.HACKING;
    return this;
  }

  Facts unintelligible() {
    unintelligible = true;
    return this;
  }

  Facts deletionConfirmed() {
    recipientConfirmedDeletion = true;
    return this;
  }

  RiskFacts build() {
    return new RiskFacts(breachTypes, cause, dataCategories, dataSubjectCount, vulnerableSubjects, publiclyAvailable,
        identifiability, confidentialityLoss, integrityLoss, availabilityLoss, maliciousIntent, unintelligible,
        recipientConfirmedDeletion);
  }
}
