package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** EDPB risk level: no risk → document; risk → notify IMY; high risk → also the data subjects. */
public enum RiskLevel implements Labelled {
  NO_RISK("Ingen risk"),
  RISK("Risk"),
  HIGH_RISK("Hög risk");

  private final String label;

  RiskLevel(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
