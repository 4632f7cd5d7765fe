package se.breachflow.assessment;

/** EDPB breach types; an incident has one or several. */
public enum BreachType {
  /** Unauthorised or accidental disclosure of, or access to, personal data (röjande). */
  CONFIDENTIALITY("Röjande (obehöriga kan ha tagit del av uppgifterna)"),
  /** Unauthorised or accidental alteration (ändring). */
  INTEGRITY("Ändring av uppgifterna"),
  /** Loss of access or destruction, temporary or permanent (förlust, otillgänglighet). */
  AVAILABILITY("Förlust eller otillgänglighet");

  private final String swedish;

  BreachType(String swedish) {
    this.swedish = swedish;
  }

  public String swedish() {
    return swedish;
  }
}
