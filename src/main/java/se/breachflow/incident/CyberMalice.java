package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** Whether a significant incident is suspected to be caused by unlawful or malicious acts (NIS2 Art. 23(4)(a)). */
public enum CyberMalice implements Labelled {
  SUSPECTED("Ja, den misstänks bero på olagliga eller avsiktligt skadliga handlingar"),
  NOT_SUSPECTED("Nej, inget tyder på det"),
  UNKNOWN("Det går inte att säga ännu");

  private final String label;

  CyberMalice(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
