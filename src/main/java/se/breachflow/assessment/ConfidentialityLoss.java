package se.breachflow.assessment;

/** ENISA circumstance of breach: loss of confidentiality. */
public enum ConfidentialityLoss {
  NONE,
  KNOWN_RECIPIENTS,
  UNKNOWN_RECIPIENTS
}
