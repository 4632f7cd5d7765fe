package se.breachflow.register;

import java.util.List;

import org.springframework.stereotype.Component;

import se.breachflow.access.IncidentAccess;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Echo;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.ForbiddenException;
import se.breachflow.shared.InvalidInputException;

/**
 * The controllers whose register the current user may see in full (access/IncidentAccess: coordinator, DPO
 * or management of it, or administrator). One rule for every part of the register — the list, the export, the
 * statistics: a controller that is not configured is a bad parameter (400, naming {@code controller}); one the
 * user does not oversee is forbidden (403). Which controllers exist is no secret: the report form lists them.
 */
@Component
class VisibleControllers {

  static final String PARAMETER = "controller";

  private final ControllerRegistry controllers;
  private final IncidentAccess access;

  VisibleControllers(ControllerRegistry controllers, IncidentAccess access) {
    this.controllers = controllers;
    this.access = access;
  }

  /** Adds the error for a requested controller that is not configured (null or blank asks for all). */
  void check(String requested, List<FieldError> errors) {
    if (requested != null && !requested.isBlank() && controllers.find(requested).isEmpty()) {
      errors.add(new FieldError(PARAMETER, "Den personuppgiftsansvarige '" + Echo.of(requested) + "' finns inte."));
    }
  }

  /** The visible controllers, in their configured order, narrowed to the one asked for. */
  List<DataController> of(String requested) {
    IncidentAccess.Scope scope = access.currentUserScope();
    List<DataController> visible = controllers.all().stream()
        .filter(controller -> scope.all() || scope.controllerIds().contains(controller.id()))
        .toList();
    if (requested == null || requested.isBlank()) {
      return visible;
    }
    List<FieldError> errors = new java.util.ArrayList<>();
    check(requested, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Ogiltig förfrågan", errors);
    }
    List<DataController> one = visible.stream().filter(controller -> controller.id().equals(requested)).toList();
    if (one.isEmpty()) {
      throw new ForbiddenException("Du har inte behörighet till den personuppgiftsansvariges register.");
    }
    return one;
  }

  List<String> ids(String requested) {
    return of(requested).stream().map(DataController::id).toList();
  }
}
