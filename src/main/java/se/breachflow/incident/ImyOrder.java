package se.breachflow.incident;

import java.time.Instant;

/**
 * IMY's order to inform the data subjects (GDPR Art. 34(4)), as recorded: when it came and by when the
 * controller must have informed them.
 */
public record ImyOrder(Instant receivedAt, Instant deadline, String recordedBy) {}
