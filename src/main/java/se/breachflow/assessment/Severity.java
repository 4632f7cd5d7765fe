package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** ENISA severity band: low &lt; 2, medium 2–&lt;3, high 3–&lt;4, very high ≥ 4. */
public enum Severity implements Labelled {
  LOW("Låg"),
  MEDIUM("Medel"),
  HIGH("Hög"),
  VERY_HIGH("Mycket hög");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
