package se.breachflow.incident;

/**
 * What happened to an incident that other capabilities act on (the documents file what was sent to IMY, the
 * outbox tells people), published in the transaction that recorded it: a listener that fails rolls the change
 * back.
 */
public final class IncidentEvents {

  private IncidentEvents() {}

  /** A report was registered as an incident. */
  public record Registered(String number, String controllerId) {}

  /**
   * The incident was closed.
   *
   * @param closedBy who completed the last step; null when the process closed it itself
   */
  public record Closed(String number, String controllerId, String closedBy) {}

  /** The notification to IMY was filed through IMY's e-service and recorded. */
  public record ImyNotificationRecorded(String number, String recordedBy) {}

  /** The supplement (komplettering) to a preliminary notification was sent and recorded. */
  public record ImySupplementRecorded(String number, String recordedBy) {}
}
