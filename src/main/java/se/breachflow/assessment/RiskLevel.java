package se.breachflow.assessment;

/** EDPB risk level: no risk → document; risk → notify IMY; high risk → also the data subjects. */
public enum RiskLevel {
  NO_RISK,
  RISK,
  HIGH_RISK
}
