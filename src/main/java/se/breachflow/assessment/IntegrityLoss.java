package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** ENISA circumstance of breach: loss of integrity. */
public enum IntegrityLoss implements Labelled {
  NONE("Inga uppgifter har ändrats"),
  RECOVERABLE("Ändrade men kan återställas"),
  IRRECOVERABLE("Ändrade och kan inte återställas");

  private final String label;

  IntegrityLoss(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
