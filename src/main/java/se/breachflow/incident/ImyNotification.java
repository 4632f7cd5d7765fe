package se.breachflow.incident;

import java.time.Instant;

/** The notification filed through IMY's e-service, and its supplement (komplettering) when preliminary. */
public record ImyNotification(
    String caseNumber,
    Instant submittedAt,
    ImyReportType reportType,
    String recordedBy,
    Instant supplementSubmittedAt,
    String supplementText) {}
