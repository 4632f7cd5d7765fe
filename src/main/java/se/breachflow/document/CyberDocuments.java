package se.breachflow.document;

import java.time.Instant;

import org.springframework.stereotype.Component;

import se.breachflow.incident.CyberDecisions;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.CyberTrack;
import se.breachflow.organisation.CyberAuthority;

/**
 * Makes the documents of the reports to the CSIRT (cybersäkerhetslagen 2 kap. 5, 6, 8 §§) from the record: which
 * report the document shows, its deadline under the law, and whether it is late. Generated on every request.
 */
@Component
class CyberDocuments {

  private final CyberAuthority authority;
  private final CyberDecisions decisions;

  CyberDocuments(CyberAuthority authority, CyberDecisions decisions) {
    this.authority = authority;
    this.decisions = decisions;
  }

  /** The document as generated now; a draft until its report is filed. */
  record Made(byte[] content, boolean draft) {}

  /**
   * The document of a significant incident.
   *
   * @throws IncidentDocuments.NotSignificantException when the incident is not, or not yet, a significant
   *     incident: there is nothing to report
   */
  Made make(DocumentData data, DocumentKind document) {
    CyberTrack track = data.incident().cyber();
    if (track == null || !track.significantIncident()) {
      throw new IncidentDocuments.NotSignificantException(data.incident().number(), track != null
          && track.significant() != null);
    }
    CyberReportKind kind = kind(track, document);
    Instant deadline = deadline(track, kind);
    CyberTrack.CyberReport filed = track.report(kind);
    boolean late = deadline != null && (filed != null ? filed.filedAt() != null && filed.filedAt().isAfter(deadline)
        : data.generatedAt().isAfter(deadline));
    var report = new CyberReportContent.Report(data, authority, kind, deadline, late);
    byte[] pdf = PdfRenderer.write(CyberReportContent.title(kind), CyberReportContent.subtitle(report),
        CyberReportContent.sections(report), new PdfRenderer.Page(data.controller().name(),
            data.incident().number(), data.generatedAt(), filed == null));
    return new Made(pdf, filed == null);
  }

  /**
   * The report a document shows. The final-report document shows the progress report (lägesrapport) when that is
   * the last filed and no final report is: 2 kap. 8 § has one or the other at the month after the notification.
   */
  static CyberReportKind kind(CyberTrack track, DocumentKind document) {
    return switch (document) {
      case CYBER_EARLY_WARNING -> CyberReportKind.EARLY_WARNING;
      case CYBER_NOTIFICATION -> CyberReportKind.NOTIFICATION;
      case CYBER_FINAL_REPORT -> track.report(CyberReportKind.FINAL_REPORT) == null
          && track.report(CyberReportKind.PROGRESS_REPORT) != null
          ? CyberReportKind.PROGRESS_REPORT : CyberReportKind.FINAL_REPORT;
      default -> throw new IllegalArgumentException(document + " is not a report under cybersäkerhetslagen");
    };
  }

  /**
   * The law's deadline of a report; null while it does not run. The track keeps one date for the last step, which
   * after a progress report is breachflow's reminder for the final report; the law's dates are counted here as
   * the final report's form counts them: the progress report a month after the notification, the final report
   * after a progress report a month after the incident was handled.
   */
  Instant deadline(CyberTrack track, CyberReportKind kind) {
    CyberTrack.CyberReport notification = track.report(CyberReportKind.NOTIFICATION);
    boolean afterProgress = track.report(CyberReportKind.PROGRESS_REPORT) != null;
    return switch (kind) {
      case EARLY_WARNING -> track.earlyWarningDeadline();
      case NOTIFICATION -> track.notificationDeadline();
      case INTERMEDIATE_REPORT -> track.intermediateDue();
      case PROGRESS_REPORT -> notification == null || notification.filedAt() == null ? track.finalReportDeadline()
          : decisions.finalReportDeadline(notification.filedAt());
      case FINAL_REPORT -> {
        if (!afterProgress) {
          yield track.finalReportDeadline();
        }
        Instant handled = track.facts() == null ? null : track.facts().cyberHandledAt();
        yield handled == null ? null : decisions.finalReportDeadline(handled);
      }
    };
  }
}
