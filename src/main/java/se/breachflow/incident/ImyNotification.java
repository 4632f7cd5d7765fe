package se.breachflow.incident;

import java.time.Instant;

/**
 * The notification filed through IMY's e-service, and its supplement (komplettering) when preliminary.
 *
 * @param lateReason the reasons for the delay, required when filed after the deadline (Art. 33(1))
 */
public record ImyNotification(
    String caseNumber,
    Instant submittedAt,
    ImyReportType reportType,
    String recordedBy,
    String lateReason,
    Instant supplementSubmittedAt,
    String supplementText) {}
