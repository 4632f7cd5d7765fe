package se.breachflow.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/**
 * The one rule for the project's own tables, the same as Camunda's authorizations for the engine's: what part a
 * user has in an incident. Every endpoint that shows an incident or something of it (the incident, the list,
 * documents) asks {@link #partIn}; nobody else sees anything.
 *
 * <ul>
 *   <li>administrators ({@code camunda-admin}) see everything;</li>
 *   <li>the controller's coordinators, DPO and decision makers see the whole case and work it;</li>
 *   <li>the controller's management sees the whole case, read-only;</li>
 *   <li>the reporter sees the status of their own report, not the DPO's notes ({@link Part#REPORTER});</li>
 *   <li>anyone else: {@link Part#NONE} — the API answers 404, as if the incident did not exist.</li>
 * </ul>
 */
@Component
public class IncidentAccess {

  /** A user's part in one incident, strongest first when several apply. */
  public enum Part {
    ADMINISTRATOR, CASE_WORKER, MANAGEMENT, REPORTER, NONE;

    /** May know the incident exists and see its status. */
    public boolean sees() {
      return this != NONE;
    }

    /** May see the whole case: assessments, the DPO's advice, the decision and notes, IMY data, documents. */
    public boolean seesCase() {
      return this == ADMINISTRATOR || this == CASE_WORKER || this == MANAGEMENT;
    }
  }

  /** Which incidents a user may list: all, or those of some controllers plus their own reports. */
  public record Scope(boolean all, Set<String> controllerIds, String reporterId) {}

  private final ControllerRegistry controllers;
  private final CurrentUser currentUser;

  public IncidentAccess(ControllerRegistry controllers, CurrentUser currentUser) {
    this.controllers = controllers;
    this.currentUser = currentUser;
  }

  public Part partIn(String userId, List<String> groups, String controllerId, String reporterId) {
    if (groups.contains(Groups.ADMIN)) {
      return Part.ADMINISTRATOR;
    }
    if (Groups.caseWorkers(controllerId).stream().anyMatch(groups::contains)) {
      return Part.CASE_WORKER;
    }
    if (groups.contains(Groups.management(controllerId))) {
      return Part.MANAGEMENT;
    }
    if (userId != null && userId.equals(reporterId)) {
      return Part.REPORTER;
    }
    return Part.NONE;
  }

  /**
   * The groups whose members see the whole case of any incident of the controller ({@link Part#seesCase()}),
   * by the rule of {@link #partIn}.
   */
  public List<String> groupsSeeingCasesOf(String controllerId) {
    List<String> groups = new java.util.ArrayList<>(Groups.caseReaders(controllerId));
    groups.add(Groups.ADMIN);
    return List.copyOf(groups);
  }

  /** The logged-in user's part in an incident of {@code controllerId} reported by {@code reporterId}. */
  public Part currentUserPartIn(String controllerId, String reporterId) {
    return partIn(currentUser.id(), currentUser.groups(), controllerId, reporterId);
  }

  /** The incidents the logged-in user may list, by the same rule as {@link #partIn}. */
  public Scope currentUserScope() {
    List<String> groups = currentUser.groups();
    if (groups.contains(Groups.ADMIN)) {
      return new Scope(true, Set.of(), currentUser.id());
    }
    Set<String> ids = new LinkedHashSet<>();
    for (DataController controller : controllers.all()) {
      if (partIn(null, groups, controller.id(), null).seesCase()) {
        ids.add(controller.id());
      }
    }
    return new Scope(false, ids, currentUser.id());
  }
}
