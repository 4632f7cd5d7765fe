package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** ENISA ease of identification (EI) of the people from the data. */
public enum Identifiability implements Labelled {
  NEGLIGIBLE("Försumbar – personerna kan knappast identifieras"),
  LIMITED("Begränsad"),
  SIGNIFICANT("Betydande"),
  MAXIMUM("Mycket lätt – t.ex. namn eller personnummer finns med");

  private final String label;

  Identifiability(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
