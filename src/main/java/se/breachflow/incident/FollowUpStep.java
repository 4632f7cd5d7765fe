package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** What follows the follow-up: closing, or a duty after the notification that comes first. */
public enum FollowUpStep implements Labelled {
  CLOSE("Avsluta ärendet"),
  /** Tell IMY what changed, or that it was not a breach after all (a supplement). */
  SUPPLEMENT("Komplettera anmälan till IMY"),
  /** IMY has ordered the controller to inform the data subjects (Art. 34(4)). */
  IMY_ORDER("IMY har förelagt oss att informera de registrerade");

  private final String label;

  FollowUpStep(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
