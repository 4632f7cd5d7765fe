package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** What is filed one month after the incident notification (cybersäkerhetslagen 2 kap. 8 §). */
public enum CyberFinalStep implements Labelled {
  FINAL_REPORT("Slutrapport: incidenten är hanterad"),
  PROGRESS_REPORT("Lägesrapport: incidenten pågår fortfarande (slutrapport inom en månad efter att den hanterats)");

  private final String label;

  CyberFinalStep(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  public CyberReportKind kind() {
    return this == FINAL_REPORT ? CyberReportKind.FINAL_REPORT : CyberReportKind.PROGRESS_REPORT;
  }
}
