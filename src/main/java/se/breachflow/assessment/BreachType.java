package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** EDPB breach types; an incident has one or several. */
public enum BreachType implements Labelled {
  /** Unauthorised or accidental disclosure of, or access to, personal data (röjande). */
  CONFIDENTIALITY("Röjande (obehöriga kan ha tagit del av uppgifterna)", "Någon obehörig har fått eller kan ha fått se dem"),
  /** Unauthorised or accidental alteration (ändring). */
  INTEGRITY("Ändring av uppgifterna", "De har ändrats felaktigt"),
  /** Loss of access or destruction, temporary or permanent (förlust, otillgänglighet). */
  AVAILABILITY("Förlust eller otillgänglighet", "De har förlorats, raderats eller varit otillgängliga");

  private final String label;
  private final String choice;

  BreachType(String label, String choice) {
    this.label = label;
    this.choice = choice;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String choice() {
    return choice;
  }
}
