package se.breachflow.incident;

import java.time.Instant;

/**
 * The notification filed through IMY's e-service, and its latest supplement (komplettering).
 *
 * @param lateReason the reasons for the delay, required when filed after the deadline (Art. 33(1))
 * @param contactAddress where the controller wishes IMY to contact it ("Den adress ni önskar bli kontaktad på")
 * @param dataSubjectsPlannedAt when the data subjects are to be informed, when they have not been yet
 * @param supplementKind what the latest supplement told IMY
 */
public record ImyNotification(
    String caseNumber,
    Instant submittedAt,
    ImyReportType reportType,
    String recordedBy,
    String lateReason,
    String contactAddress,
    Instant dataSubjectsPlannedAt,
    Instant supplementSubmittedAt,
    SupplementKind supplementKind,
    String supplementText) {}
