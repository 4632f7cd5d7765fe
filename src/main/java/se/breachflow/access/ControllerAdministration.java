package se.breachflow.access;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.organisation.ControllerInput;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.ControllerStore;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Times;

/**
 * The controllers for administrators ({@code camunda-admin}; anyone else 403): list them, add or change one. A new
 * controller's groups, their authorizations and Tasklist's filters are set up in the same transaction, so that it
 * can be used at once: its name in the report form, a report for it, tasks to its groups (docs/adr/0020).
 */
@RestController
class ControllerAdministration {

  private final ControllerRegistry controllers;
  private final ControllerStore store;
  private final AccessSetup setup;
  private final CurrentUser currentUser;

  ControllerAdministration(ControllerRegistry controllers, ControllerStore store, AccessSetup setup,
      CurrentUser currentUser) {
    this.controllers = controllers;
    this.store = store;
    this.setup = setup;
    this.currentUser = currentUser;
  }

  /**
   * A controller as the API shows it.
   *
   * @param retentionPeriod its own retention period (ISO-8601), null when the configured default applies
   * @param groups its groups, which an administrator fills with people (Admin, or the directory with LDAP)
   */
  record View(String id, String name, String organisationNumber, String postalAddress, DataController.Dpo dpo,
      String retentionPeriod, List<String> groups) {

    static View of(DataController controller) {
      return new View(controller.id(), controller.name(), controller.organisationNumber(),
          controller.postalAddress(), controller.dpo(),
          controller.retentionPeriod() == null ? null : controller.retentionPeriod().toString(),
          AccessSetup.groupsOf(controller.id()));
    }
  }

  @GetMapping(path = "/api/controllers", produces = MediaType.APPLICATION_JSON_VALUE)
  List<View> list() {
    currentUser.requireAdministrator();
    return controllers.all().stream().map(View::of).toList();
  }

  /** 201 for a new controller, 200 for a changed (or unchanged) one; 400 naming every bad field. */
  @PutMapping(path = "/api/controllers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  ResponseEntity<View> save(@PathVariable String id, @RequestBody Map<String, Object> body) {
    currentUser.requireAdministrator();
    DataController controller = ControllerInput.read(id, body);
    // Decided under the version row's lock: of two administrators adding the same id, one creates it.
    boolean created = store.save(controller, currentUser.id(), Times.now());
    setup.setUp();
    View view = View.of(controllers.find(id).orElseThrow());
    return created
        ? ResponseEntity.created(URI.create("/api/controllers/" + id)).body(view)
        : ResponseEntity.status(HttpStatus.OK).body(view);
  }
}
