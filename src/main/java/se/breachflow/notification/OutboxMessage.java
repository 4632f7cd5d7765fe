package se.breachflow.notification;

import java.time.Instant;
import java.util.List;

/** One row of the outbox, as administrators see it: no recipient, no personal data. */
public record OutboxMessage(
    long id,
    NoticeKind kind,
    String incidentNumber,
    String controllerId,
    List<Audience> audience,
    String taskId,
    String taskName,
    OutboxStatus status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt) {}
