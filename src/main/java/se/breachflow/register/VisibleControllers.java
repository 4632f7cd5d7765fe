package se.breachflow.register;

import java.util.List;

import org.springframework.stereotype.Component;

import se.breachflow.access.CurrentUser;
import se.breachflow.access.Groups;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.web.NotFoundException;

/** The controllers whose register the current user may see: coordinator, DPO or management of it, or admin. */
@Component
class VisibleControllers {

  private final ControllerRegistry controllers;
  private final CurrentUser currentUser;

  VisibleControllers(ControllerRegistry controllers, CurrentUser currentUser) {
    this.controllers = controllers;
    this.currentUser = currentUser;
  }

  /** The visible controllers' ids, narrowed to one when asked; an unknown or hidden one is "not found". */
  List<String> ids(String requested) {
    List<String> groups = currentUser.groups();
    List<String> visible = controllers.all().stream().map(DataController::id)
        .filter(id -> groups.contains(Groups.ADMIN) || groups.contains(Groups.coordinators(id))
            || groups.contains(Groups.dpo(id)) || groups.contains(Groups.management(id)))
        .toList();
    if (requested == null || requested.isBlank()) {
      return visible;
    }
    if (!visible.contains(requested)) {
      throw new NotFoundException("Den personuppgiftsansvarige '" + requested + "' finns inte.");
    }
    return List.of(requested);
  }
}
