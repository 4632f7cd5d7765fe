package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** Where an incident stands, with the Swedish text people see. */
public enum IncidentStatus implements Labelled {
  REPORTED("Rapporterad"),
  ASSESSMENT("Bedöms av dataskyddssamordnare"),
  DPO_REVIEW("Granskas av dataskyddsombud"),
  DECISION("Beslutas av den personuppgiftsansvarige"),
  IMY_NOTIFICATION("Anmäls till IMY"),
  FOLLOW_UP("Åtgärder och uppföljning"),
  CLOSED("Avslutad"),
  CLOSED_NOT_A_BREACH("Avslutad – inte en personuppgiftsincident");

  private final String label;

  IncidentStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  public boolean isClosed() {
    return this == CLOSED || this == CLOSED_NOT_A_BREACH;
  }
}
