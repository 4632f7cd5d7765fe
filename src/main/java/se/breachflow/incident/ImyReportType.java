package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** Whether the notification to IMY is complete or will be supplemented (Art. 33(4)). */
public enum ImyReportType implements Labelled {
  COMPLETE("Anmälan är fullständig", "Fullständig anmälan"),
  PRELIMINARY("Anmälan är preliminär och kommer att kompletteras", "Preliminär – kommer att kompletteras");

  private final String label;
  private final String choice;

  ImyReportType(String label, String choice) {
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
