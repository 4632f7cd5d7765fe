package se.breachflow.assessment;

/** ENISA circumstance of breach: loss of integrity. */
public enum IntegrityLoss {
  NONE,
  RECOVERABLE,
  IRRECOVERABLE
}
