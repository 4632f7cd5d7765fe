package se.breachflow.access;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/**
 * The demo's people (password = user id), only where {@code breachflow.demo.create-users=true} (the demo
 * profile). Never in prod.
 */
@Component
@ConditionalOnProperty(name = "breachflow.demo.create-users", havingValue = "true")
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;
  private final ControllerRegistry controllers;

  public DemoUsers(IdentityService identity, ControllerRegistry controllers) {
    this.identity = identity;
    this.controllers = controllers;
  }

  /** Called by {@link AccessSetup} once the groups exist. */
  public void create() {
    List<String> coordinatorGroups = new ArrayList<>();
    List<String> dpoGroups = new ArrayList<>();
    List<String> deciderGroups = new ArrayList<>();
    List<String> managementGroups = new ArrayList<>();
    List<String> securityGroups = new ArrayList<>();
    for (DataController controller : controllers.all()) {
      coordinatorGroups.add(Groups.coordinators(controller.id()));
      dpoGroups.add(Groups.dpo(controller.id()));
      deciderGroups.add(Groups.decisionMakers(controller.id()));
      managementGroups.add(Groups.management(controller.id()));
      securityGroups.add(Groups.security(controller.id()));
    }
    user("reporter", "Rut", "Rapportör", List.of());
    user("coordinator", "Sam", "Samordnare", coordinatorGroups);
    user("dpo", "Dana", "Dataskyddsombud", dpoGroups);
    user("decider", "Bo", "Beslutsfattare", deciderGroups);
    user("manager", "Lea", "Ledning", managementGroups);
    user("security", "Ivar", "Informationssäkerhet", securityGroups);
    membership("admin", Groups.STAFF);
    LOG.warn("Demo users reporter, coordinator, dpo, decider, manager, security and admin exist (password = user id). "
        + "Not for production.");
  }

  private void user(String id, String firstName, String lastName, List<String> groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@exempelkommun.example");
      user.setPassword(id);
      identity.saveUser(user);
    }
    membership(id, Groups.STAFF);
    groups.forEach(group -> membership(id, group));
  }

  private void membership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).count() > 0
        && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
