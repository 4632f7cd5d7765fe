package se.breachflow.document;

import java.util.Arrays;
import java.util.Optional;

/** The documents of an incident, by the name used in the API path. */
public enum DocumentKind {
  IMY_NOTIFICATION("imy-notification", "Underlag för anmälan av personuppgiftsincident", "anmalan-imy"),
  IMY_SUPPLEMENT("imy-supplement", "Underlag för komplettering av anmälan av personuppgiftsincident",
      "komplettering-imy"),
  DATA_SUBJECT_LETTER("data-subject-letter", "Information om en personuppgiftsincident", "information-registrerade"),
  INCIDENT_REPORT("incident-report", "Incidentrapport – dokumentation av personuppgiftsincident",
      "incidentrapport"),
  /** The notification in the shape of the EDPB's draft common template; generated on request, never filed. */
  EDPB_NOTIFICATION("edpb-notification", "Anmälan av personuppgiftsincident enligt EDPB:s mall", "anmalan-edpb"),
  /**
   * The reports of a significant incident to the CSIRT under cybersäkerhetslagen (2025:1506) 2 kap. 5, 6 and 8 §§
   * (docs/cyber-documents.md); generated on request from the record, never filed (the authority's e-service is
   * where they are filed, with its reference in the record).
   */
  CYBER_EARLY_WARNING("cyber-early-warning",
      "Underlag för upplysning om betydande incident enligt cybersäkerhetslagen", "upplysning-cybersakerhetslagen"),
  CYBER_NOTIFICATION("cyber-notification", "Underlag för incidentanmälan enligt cybersäkerhetslagen",
      "incidentanmalan-cybersakerhetslagen"),
  /** The final report, or the progress report (lägesrapport) when that is what was filed last (2 kap. 8 §). */
  CYBER_FINAL_REPORT("cyber-final-report", "Underlag för slutrapport enligt cybersäkerhetslagen",
      "slutrapport-cybersakerhetslagen");

  /** The final report document's title when it shows a progress report (2 kap. 8 §: "lägesrapport"). */
  static final String PROGRESS_REPORT_TITLE = "Underlag för lägesrapport enligt cybersäkerhetslagen";

  private final String slug;
  private final String title;
  private final String fileName;

  DocumentKind(String slug, String title, String fileName) {
    this.slug = slug;
    this.title = title;
    this.fileName = fileName;
  }

  /** The name in the API path, e.g. {@code imy-notification}. */
  public String slug() {
    return slug;
  }

  /** The Swedish title printed on the document. */
  public String title() {
    return title;
  }

  /** The file name offered for download, without the incident number and extension. */
  public String fileName() {
    return fileName;
  }

  /** Whether the document is filed (stored as sent) at some step; the others are generated on every request. */
  public boolean filed() {
    return this != DATA_SUBJECT_LETTER && this != EDPB_NOTIFICATION && !cyber();
  }

  /** Whether a report under cybersäkerhetslagen: there only for a significant incident. */
  public boolean cyber() {
    return this == CYBER_EARLY_WARNING || this == CYBER_NOTIFICATION || this == CYBER_FINAL_REPORT;
  }

  public static Optional<DocumentKind> bySlug(String slug) {
    return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
  }
}
