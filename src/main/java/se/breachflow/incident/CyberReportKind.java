package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/**
 * The reports of a significant incident to the CSIRT under cybersäkerhetslagen (2025:1506) 2 kap.: within 24
 * hours of awareness (5 §, NIS2's "early warning"), the incident notification within 72 hours (6 §), and one month
 * after the notification the final report, or a progress report while the incident is still ongoing (8 §).
 */
public enum CyberReportKind implements Labelled {
  EARLY_WARNING("cyber_early_warning", "Upplysning om betydande incident (inom 24 timmar)"),
  NOTIFICATION("cyber_notification", "Incidentanmälan (inom 72 timmar)"),
  /** On the authority's request (7 §): status updates. */
  INTERMEDIATE_REPORT("cyber_intermediate_report", "Delrapport (på myndighetens begäran)"),
  PROGRESS_REPORT("cyber_progress_report", "Lägesrapport (incidenten pågår)"),
  FINAL_REPORT("cyber_final_report", "Slutrapport");

  private final String columnPrefix;
  private final String label;

  CyberReportKind(String columnPrefix, String label) {
    this.columnPrefix = columnPrefix;
    this.label = label;
  }

  /** The report's columns in incident: {@code <prefix>_filed_at}, {@code _reference}, {@code _late_reason}, {@code _by}. */
  String columnPrefix() {
    return columnPrefix;
  }

  @Override
  public String label() {
    return label;
  }
}
