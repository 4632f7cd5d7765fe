package se.breachflow.incident;

/** For a misdirected message: who received it. */
public enum Recipient {
  INTERNAL,
  EXTERNAL,
  UNKNOWN
}
