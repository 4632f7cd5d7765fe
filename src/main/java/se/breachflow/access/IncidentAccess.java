package se.breachflow.access;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Who may read an incident in the project's API: its reporter, the controller's coordinators, DPO and
 * management, and administrators. Mirrors the task routing of the process (candidate groups per controller).
 */
@Component
public class IncidentAccess {

  public boolean canRead(String userId, List<String> groups, String controllerId, String reporterId) {
    return userId.equals(reporterId)
        || groups.contains(Groups.ADMIN)
        || groups.contains(Groups.coordinators(controllerId))
        || groups.contains(Groups.dpo(controllerId))
        || groups.contains(Groups.management(controllerId));
  }
}
