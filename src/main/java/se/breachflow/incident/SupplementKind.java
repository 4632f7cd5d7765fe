package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** What a supplement (komplettering) to a notification tells IMY (Art. 33(4); EDPB Guidelines 9/2022). */
public enum SupplementKind implements Labelled {
  /** The rest of a preliminary notification's facts. */
  COMPLEMENT("Komplettering med uppgifter som saknades i anmälan"),
  /** What was reported has changed (more people, other data, a new consequence). */
  FACTS_CHANGED("Uppgifterna i anmälan har ändrats"),
  /** The investigation showed that no personal data was compromised after all. */
  NOT_A_BREACH("Det var inte en personuppgiftsincident");

  private final String label;

  SupplementKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
