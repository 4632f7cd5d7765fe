package se.breachflow.incident;

/** Where an incident stands, with the Swedish text people see. */
public enum IncidentStatus {
  REPORTED("Rapporterad"),
  ASSESSMENT("Bedöms av dataskyddssamordnare"),
  DPO_REVIEW("Granskas av dataskyddsombud"),
  IMY_NOTIFICATION("Anmäls till IMY"),
  FOLLOW_UP("Åtgärder och uppföljning"),
  CLOSED("Avslutad"),
  CLOSED_NOT_A_BREACH("Avslutad – inte en personuppgiftsincident");

  private final String swedish;

  IncidentStatus(String swedish) {
    this.swedish = swedish;
  }

  public String swedish() {
    return swedish;
  }
}
