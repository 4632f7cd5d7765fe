package se.breachflow.incident;

import java.time.Instant;

/** One change to an incident: who, when, which field, from what to what. */
public record AuditEntry(Instant changedAt, String changedBy, String field, String oldValue, String newValue) {}
