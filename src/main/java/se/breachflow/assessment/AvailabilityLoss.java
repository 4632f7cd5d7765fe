package se.breachflow.assessment;

/** ENISA circumstance of breach: loss of availability. */
public enum AvailabilityLoss {
  NONE,
  TEMPORARY,
  PERMANENT
}
