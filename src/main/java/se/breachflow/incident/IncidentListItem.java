package se.breachflow.incident;

import java.time.Instant;

/** One line of {@code GET /api/incidents}: enough to find an incident, nothing of its content. */
public record IncidentListItem(String number, String controllerId, IncidentStatus status, String statusText,
    Instant reportedAt, Instant authorityDeadline) {}
