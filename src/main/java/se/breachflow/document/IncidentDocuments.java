package se.breachflow.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentEvents;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.Times;

/**
 * The documents of an incident. The IMY notification, its supplement and the incident report are filed
 * (stored with their SHA-256) when the notification is recorded, the supplement is recorded and the incident
 * closes; after that the filed version is what is returned. Before, they are generated from what is known so
 * far and marked as drafts. The letter to the data subjects, the EDPB-template export and the reports under
 * cybersäkerhetslagen are generated on request (the latter are drafts until their report is filed).
 */
@Service
public class IncidentDocuments {

  static final String PDF = "application/pdf";
  /** The response header with the SHA-256 of the bytes sent (hex); for a filed document, the one stored. */
  public static final String SHA256_HEADER = "X-Content-SHA256";
  private static final List<DocumentKind> IMY_REPORTS = List.of(DocumentKind.IMY_NOTIFICATION,
      DocumentKind.IMY_SUPPLEMENT);

  /** A document ready to send: its bytes and, when filed, its version and when and by whom it was filed. */
  public record Document(DocumentKind kind, byte[] content, String sha256, boolean filed, boolean draft,
      Integer version, Instant filedAt) {}

  private final IncidentRepository incidents;
  private final DocumentDataFactory data;
  private final StoredDocuments stored;
  private final ObjectMapper json;
  private final CyberDocuments cyber;

  IncidentDocuments(IncidentRepository incidents, DocumentDataFactory data, StoredDocuments stored,
      ObjectMapper json, CyberDocuments cyber) {
    this.incidents = incidents;
    this.data = data;
    this.stored = stored;
    this.json = json;
    this.cyber = cyber;
  }

  /** The filed version when there is one, else a document generated now. */
  public Document get(Incident incident, DocumentKind kind) {
    if (kind.filed()) {
      var filed = stored.latest(incident.number(), kind);
      if (filed.isPresent()) {
        var document = filed.get();
        if (document.content() == null) {
          throw new RemovedException(document);
        }
        return new Document(kind, document.content(), document.sha256(), true, false, document.version(),
            document.filedAt());
      }
    }
    DocumentData facts = data.of(incident, Times.now());
    return switch (kind) {
      case IMY_NOTIFICATION -> generated(kind, imyNotification(facts), incident.imy() == null);
      case IMY_SUPPLEMENT -> generated(kind, imySupplement(facts, previousImyReport(incident)), true);
      case DATA_SUBJECT_LETTER -> generated(kind, letter(facts), false);
      case INCIDENT_REPORT -> generated(kind, incidentReport(facts), !closed(incident));
      case EDPB_NOTIFICATION -> generated(kind, edpbNotification(facts), incident.imy() == null);
      case CYBER_EARLY_WARNING, CYBER_NOTIFICATION, CYBER_FINAL_REPORT -> {
        CyberDocuments.Made made = cyber.make(facts, kind);
        yield generated(kind, made.content(), made.draft());
      }
    };
  }

  /**
   * The EDPB-template export as JSON (the template's sections as top-level keys), from the same facts as the
   * IMY notification, made now.
   */
  public byte[] edpbJson(Incident incident) {
    try {
      return json.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(EdpbNotificationContent.json(data.of(incident, Times.now())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Files the IMY notification as sent, when it is recorded (in the same transaction). */
  @EventListener
  void fileImyNotification(IncidentEvents.ImyNotificationRecorded recorded) {
    DocumentData facts = data.of(find(recorded.number()), Times.now());
    file(facts, DocumentKind.IMY_NOTIFICATION, imyNotification(facts), snapshot(facts), recorded.recordedBy());
  }

  /** Files the supplement as sent, when it is recorded (in the same transaction). */
  @EventListener
  void fileImySupplement(IncidentEvents.ImySupplementRecorded recorded) {
    Incident incident = find(recorded.number());
    DocumentData facts = data.of(incident, Times.now());
    byte[] pdf = imySupplement(facts, previousImyReport(incident));
    file(facts, DocumentKind.IMY_SUPPLEMENT, pdf, snapshot(facts), recorded.recordedBy());
  }

  /** Files the incident report as it stands at closing (in the same transaction). */
  @EventListener
  void fileIncidentReport(IncidentEvents.Closed closed) {
    DocumentData facts = data.of(find(closed.number()), Times.now());
    file(facts, DocumentKind.INCIDENT_REPORT, incidentReport(facts), null, closed.closedBy());
  }

  static byte[] imyNotification(DocumentData facts) {
    return PdfRenderer.write(DocumentKind.IMY_NOTIFICATION.title(), ImyNotificationContent.subtitle(facts, false),
        ImyNotificationContent.notification(facts), page(facts, facts.incident().imy() == null));
  }

  static byte[] imySupplement(DocumentData facts, List<Section> previous) {
    boolean sent = facts.incident().imy() != null && facts.incident().imy().supplementSubmittedAt() != null;
    return PdfRenderer.write(DocumentKind.IMY_SUPPLEMENT.title(), ImyNotificationContent.subtitle(facts, true),
        ImyNotificationContent.supplement(facts, previous), page(facts, !sent));
  }

  static byte[] edpbNotification(DocumentData facts) {
    return PdfRenderer.write(DocumentKind.EDPB_NOTIFICATION.title(), EdpbNotificationContent.subtitle(facts),
        EdpbNotificationContent.sections(facts), page(facts, facts.incident().imy() == null));
  }

  static byte[] letter(DocumentData facts) {
    return PdfRenderer.write(DocumentKind.DATA_SUBJECT_LETTER.title(), DataSubjectLetterContent.subtitle(facts),
        DataSubjectLetterContent.letter(facts), page(facts, false));
  }

  static byte[] incidentReport(DocumentData facts) {
    return PdfRenderer.write(DocumentKind.INCIDENT_REPORT.title(), IncidentReportContent.subtitle(facts),
        IncidentReportContent.report(facts), page(facts, !closed(facts.incident())));
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Document generated(DocumentKind kind, byte[] content, boolean draft) {
    return new Document(kind, content, sha256(content), false, draft, null, null);
  }

  private void file(DocumentData facts, DocumentKind kind, byte[] content, String snapshot, String filedBy) {
    stored.add(facts.incident().number(), kind, PDF, sha256(content), content, snapshot, facts.generatedAt(),
        filedBy);
  }

  /** The notification's fields as last reported to IMY (by the notification or a supplement). */
  private List<Section> previousImyReport(Incident incident) {
    var previous = stored.latest(incident.number(), IMY_REPORTS)
        .orElseThrow(() -> new NoNotificationException(incident.number()));
    try {
      return json.readValue(previous.snapshot(), new TypeReference<List<Section>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The filed notification of " + incident.number() + " cannot be read", e);
    }
  }

  private String snapshot(DocumentData facts) {
    try {
      return new String(json.writeValueAsBytes(ImyNotificationContent.notification(facts)), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Incident find(String number) {
    return incidents.find(number).orElseThrow(() -> new IllegalStateException("No incident " + number));
  }

  private static boolean closed(Incident incident) {
    return incident.status().isClosed();
  }

  private static PdfRenderer.Page page(DocumentData facts, boolean draft) {
    return new PdfRenderer.Page(facts.controller().name(), facts.incident().number(), facts.generatedAt(), draft);
  }

  /** A filed document whose content retention removed (gallrad): what is known of it stays. */
  static class RemovedException extends RuntimeException {
    final transient StoredDocuments.Stored document;

    RemovedException(StoredDocuments.Stored document) {
      super("Dokumentet har gallrats " + Times.display(document.removedAt()) + " enligt den "
          + "personuppgiftsansvariges gallringsbeslut. Det arkiverades " + Times.display(document.filedAt())
          + " (version " + document.version() + ", SHA-256 " + document.sha256() + ").");
      this.document = document;
    }
  }

  /** A supplement was asked for before any notification was filed. */
  static class NoNotificationException extends RuntimeException {
    NoNotificationException(String number) {
      super("Incidenten " + number + " har ännu inte anmälts till IMY; det finns inget att komplettera.");
    }
  }

  /** A report under cybersäkerhetslagen was asked for of an incident that is not a significant incident. */
  static class NotSignificantException extends RuntimeException {
    NotSignificantException(String number, boolean decided) {
      super(decided
          ? "Incidenten " + number + " är inte en betydande incident enligt cybersäkerhetslagen; det finns inget att "
              + "rapportera till CSIRT-enheten."
          : "Det är ännu inte avgjort om incidenten " + number + " är en betydande incident enligt "
              + "cybersäkerhetslagen; rapporterna till CSIRT-enheten finns först när den har bedömts vara det.");
    }
  }
}
