package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** ENISA circumstance of breach: loss of availability. */
public enum AvailabilityLoss implements Labelled {
  NONE("Ingen förlust"),
  TEMPORARY("Tillfälligt otillgängliga"),
  PERMANENT("Förlorade för gott");

  private final String label;

  AvailabilityLoss(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
