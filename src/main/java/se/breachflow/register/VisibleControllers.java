package se.breachflow.register;

import java.util.List;

import org.springframework.stereotype.Component;

import se.breachflow.access.IncidentAccess;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Echo;
import se.breachflow.shared.NotFoundException;

/**
 * The controllers whose register the current user may see in full (access/IncidentAccess: coordinator, DPO
 * or management of it, or administrator).
 */
@Component
class VisibleControllers {

  private final ControllerRegistry controllers;
  private final IncidentAccess access;

  VisibleControllers(ControllerRegistry controllers, IncidentAccess access) {
    this.controllers = controllers;
    this.access = access;
  }

  /** The visible controllers' ids, narrowed to one when asked; an unknown or hidden one is "not found". */
  List<String> ids(String requested) {
    IncidentAccess.Scope scope = access.currentUserScope();
    List<String> visible = controllers.all().stream().map(DataController::id)
        .filter(id -> scope.all() || scope.controllerIds().contains(id))
        .toList();
    if (requested == null || requested.isBlank()) {
      return visible;
    }
    if (!visible.contains(requested)) {
      throw new NotFoundException("Den personuppgiftsansvarige '" + Echo.of(requested) + "' finns inte.");
    }
    return List.of(requested);
  }
}
