package se.breachflow.incident;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The incident under cybersäkerhetslagen (2025:1506): whether it is a significant incident (2 kap. 5 § andra
 * stycket), and when so the reports to the CSIRT with their deadlines, beside the notification to IMY (which it
 * does not replace).
 *
 * @param significant whether a person decided it is a significant incident; null before anyone decided
 * @param earlyWarningDeadline 24 hours after awareness; null unless significant
 * @param notificationDeadline 72 hours after awareness; null unless significant
 * @param finalReportDeadline one calendar month (Stockholm) after the incident notification was filed; after a
 *     progress report, breachflow's check-in a month after it (the law's deadline is a month after the incident
 *     was handled, not known until it is); null before the notification
 * @param intermediateRequestedAt when the authority asked for a delrapport (2 kap. 7 §); null if it has not
 * @param intermediateDue by when the authority wants it
 * @param reports the reports filed, by kind
 * @param facts what the reports say beyond the IMY notification's facts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CyberTrack(
    Boolean significant,
    String reason,
    String decidedBy,
    Instant decidedAt,
    Instant earlyWarningDeadline,
    Instant notificationDeadline,
    Instant finalReportDeadline,
    Instant intermediateRequestedAt,
    Instant intermediateDue,
    @JsonIgnore Map<CyberReportKind, CyberReport> reports,
    CyberFacts facts) {

  public CyberTrack {
    reports = reports.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(reports));
  }

  /** A report as filed with the CSIRT: when, its reference, why it was late, who recorded it. */
  public record CyberReport(Instant filedAt, String reference, String lateReason, String filedBy) {}

  public CyberReport report(CyberReportKind kind) {
    return reports.get(kind);
  }

  /** The deadline of a report; null when none runs yet. */
  public Instant deadline(CyberReportKind kind) {
    return switch (kind) {
      case EARLY_WARNING -> earlyWarningDeadline;
      case NOTIFICATION -> notificationDeadline;
      case INTERMEDIATE_REPORT -> intermediateDue;
      case PROGRESS_REPORT, FINAL_REPORT -> finalReportDeadline;
    };
  }

  @JsonProperty
  public Instant earlyWarningFiledAt() {
    return filedAt(CyberReportKind.EARLY_WARNING);
  }

  @JsonProperty
  public Instant notificationFiledAt() {
    return filedAt(CyberReportKind.NOTIFICATION);
  }

  @JsonProperty
  public Instant intermediateReportFiledAt() {
    return filedAt(CyberReportKind.INTERMEDIATE_REPORT);
  }

  @JsonProperty
  public Instant progressReportFiledAt() {
    return filedAt(CyberReportKind.PROGRESS_REPORT);
  }

  @JsonProperty
  public Instant finalReportFiledAt() {
    return filedAt(CyberReportKind.FINAL_REPORT);
  }

  private Instant filedAt(CyberReportKind kind) {
    CyberReport report = reports.get(kind);
    return report == null ? null : report.filedAt();
  }

  /** Whether it is decided to be a significant incident (false also while nobody has decided). */
  @JsonIgnore
  public boolean significantIncident() {
    return Boolean.TRUE.equals(significant);
  }
}
