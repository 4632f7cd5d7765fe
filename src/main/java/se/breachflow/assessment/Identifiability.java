package se.breachflow.assessment;

/** ENISA ease of identification (EI) of the people from the data. */
public enum Identifiability {
  NEGLIGIBLE,
  LIMITED,
  SIGNIFICANT,
  MAXIMUM
}
