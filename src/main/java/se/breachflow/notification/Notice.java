package se.breachflow.notification;

import java.util.Set;

/**
 * A message to be sent about an incident.
 *
 * @param taskId the task the message is about, or null
 * @param taskName the task's name as people see it, or null
 */
public record Notice(NoticeKind kind, String incidentNumber, String controllerId, Set<Audience> audience,
    String taskId, String taskName) {

  public Notice {
    audience = Set.copyOf(audience);
  }

  public static Notice about(NoticeKind kind, String incidentNumber, String controllerId, Audience... audience) {
    return new Notice(kind, incidentNumber, controllerId, Set.of(audience), null, null);
  }
}
