package se.breachflow.incident;

import java.time.Instant;

/** What was done about telling the data subjects (Art. 34). */
public record DataSubjectsOutcome(
    DataSubjectCommunication communication, Instant informedAt, String how, String notInformedReason) {}
