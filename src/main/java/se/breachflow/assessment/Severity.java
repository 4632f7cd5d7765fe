package se.breachflow.assessment;

/** ENISA severity band: low &lt; 2, medium 2–&lt;3, high 3–&lt;4, very high ≥ 4. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  VERY_HIGH
}
