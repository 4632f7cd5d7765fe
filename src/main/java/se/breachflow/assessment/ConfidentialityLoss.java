package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** ENISA circumstance of breach: loss of confidentiality. */
public enum ConfidentialityLoss implements Labelled {
  NONE("Inga uppgifter har röjts"),
  KNOWN_RECIPIENTS("Röjda för kända mottagare"),
  UNKNOWN_RECIPIENTS("Röjda för okända eller okänt antal mottagare");

  private final String label;

  ConfidentialityLoss(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
