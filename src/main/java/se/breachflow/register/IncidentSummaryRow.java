package se.breachflow.register;

import java.time.Instant;

/** One incident in a list of the register. */
public record IncidentSummaryRow(
    String number,
    String controllerId,
    String status,
    String statusText,
    String cause,
    String riskLevel,
    Instant reportedAt,
    Instant discoveredAt,
    Instant authorityDeadline,
    boolean late,
    boolean notified,
    Instant imyNotifiedAt) {}
