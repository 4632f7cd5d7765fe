package se.breachflow.incident;

/** Whether the notification to IMY is complete or will be supplemented (Art. 33(4)). */
public enum ImyReportType {
  COMPLETE,
  PRELIMINARY
}
