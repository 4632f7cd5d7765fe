package se.breachflow.incident;

import java.time.Instant;

/** Remedial actions and lessons learned, written when the incident is closed. */
public record FollowUp(String remedialActions, String lessonsLearned, Instant closedAt, String closedBy) {}
