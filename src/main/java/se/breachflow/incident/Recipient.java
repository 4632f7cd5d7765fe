package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** For a misdirected message: who received it. */
public enum Recipient implements Labelled {
  INTERNAL("Mottagaren finns inom organisationen", "Någon inom kommunen"),
  EXTERNAL("Mottagaren finns utanför organisationen", "Någon utanför kommunen"),
  UNKNOWN("Mottagaren är okänd", "Vet inte");

  private final String label;
  private final String choice;

  Recipient(String label, String choice) {
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
