package se.breachflow.incident;

import java.time.Instant;

/** The DPO's decision; documented also when the incident is found not to be a personal-data breach. */
public record Decision(
    boolean notABreach,
    boolean notifyImy,
    boolean informDataSubjects,
    String justification,
    String decidedBy,
    Instant decidedAt) {}
