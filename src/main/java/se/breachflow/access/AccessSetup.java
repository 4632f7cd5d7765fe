package se.breachflow.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/**
 * Creates, at every start and idempotently, the groups of the controllers and their Camunda authorizations, with
 * those the other capabilities add ({@link AccessRules}: the process definition and Tasklist's filters). It runs
 * again when an administrator adds or changes a controller ({@link ControllerAdministration}), so that a new
 * controller's groups and grants exist at once, and a renamed one's groups carry its new name.
 */
@Component
public class AccessSetup implements SmartInitializingSingleton, AccessRules.Grants {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ControllerRegistry controllers;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final ProcessInstanceAccess instances;
  private final JdbcTemplate jdbc;
  private final List<AccessRules> rules;
  @org.springframework.beans.factory.annotation.Value("${breachflow.access.require-administrator:true}")
  private boolean administratorRequired = true;

  public AccessSetup(IdentityService identity, AuthorizationService authorizations, ControllerRegistry controllers,
      ObjectProvider<DemoUsers> demoUsers, ProcessInstanceAccess instances, JdbcTemplate jdbc,
      List<AccessRules> rules) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.controllers = controllers;
    this.demoUsers = demoUsers;
    this.instances = instances;
    this.jdbc = jdbc;
    this.rules = rules;
  }

  /** After the engine is built and the models deployed, before the web server takes requests. */
  @Override
  public void afterSingletonsInstantiated() {
    setUp();
    demoUsers.ifAvailable(DemoUsers::create);
    grantRegisteredInstances();
    requireAnAdministrator();
  }

  /** Instance grants for incidents registered before their controller's grants existed (idempotent). */
  void grantRegisteredInstances() {
    Map<String, String> controllerByInstance = new HashMap<>();
    jdbc.query("select process_instance_id, controller_id from incident where process_instance_id is not null",
        (RowCallbackHandler) rs -> controllerByInstance.put(rs.getString(1), rs.getString(2)));
    instances.ensure(controllerByInstance);
  }

  /**
   * camunda-admin must have a direct member: otherwise Admin's first-run page lets anyone who reaches it
   * create an administrator.
   */
  void requireAnAdministrator() {
    // Single sign-on (oidc): administrators appear at their first login, and the read-only identity has no first-run page.
    if (!administratorRequired) {
      return;
    }
    if (identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
      throw new IllegalStateException("The group " + Groups.ADMIN + " has no member: set the administrator "
          + "(camunda.bpm.admin-user, BREACHFLOW_ADMIN_ID/BREACHFLOW_ADMIN_PASSWORD) or, with LDAP, put a user "
          + "into the directory's " + Groups.ADMIN + " group. Refusing to start: Camunda Admin would offer "
          + "anyone to create the first administrator.");
    }
  }

  void setUp() {
    if (identity.isReadOnly()) {
      LOG.info("The identity provider is read-only (LDAP, or single sign-on): groups {}, coordinator-<id>, dpo-<id>, "
          + "decision-maker-<id>, security-<id>, management-<id> come from the directory or the provider's tokens",
          Groups.STAFF);
    }
    group(Groups.STAFF, "Medarbetare");
    // Reads /actuator/prometheus only (access/RestrictedPaths); no permission in the engine.
    group(Groups.MONITORING, "Övervakning");
    grant(Groups.STAFF, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.STAFF, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);

    List<DataController> all = controllers.all();
    for (DataController controller : all) {
      String coordinators = Groups.coordinators(controller.id());
      String dpo = Groups.dpo(controller.id());
      String decisionMakers = Groups.decisionMakers(controller.id());
      String management = Groups.management(controller.id());
      String security = Groups.security(controller.id());
      group(coordinators, "Dataskyddssamordnare – " + controller.name());
      group(security, "Informationssäkerhetssamordnare – " + controller.name());
      group(dpo, "Dataskyddsombud – " + controller.name());
      group(decisionMakers, "Beslutsfattare – " + controller.name());
      group(management, "Ledning – " + controller.name());
      for (String worker : Groups.caseWorkers(controller.id())) {
        grant(worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      }
      grant(management, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      // The decision tables, not their evaluations (those hold other controllers' facts).
      grant(management, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
      takeAway(management, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
    }
    rules.forEach(rule -> rule.apply(this, all));
    LOG.info("Access set up for controllers {}", all.stream().map(DataController::id).toList());
  }

  /** The groups of one controller, as they are created here. */
  static List<String> groupsOf(String controllerId) {
    return List.of(Groups.coordinators(controllerId), Groups.dpo(controllerId), Groups.decisionMakers(controllerId),
        Groups.security(controllerId), Groups.management(controllerId));
  }

  /** Creates the group, or gives it the name it should have now (a controller renamed). */
  private void group(String id, String name) {
    if (identity.isReadOnly()) {
      return;
    }
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
      group.setType("WORKFLOW");
    } else if (name.equals(group.getName())) {
      return;
    }
    group.setName(name);
    identity.saveGroup(group);
  }

  @Override
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  @Override
  public void takeAway(String groupId, Resource resource, String resourceId, Permission... permissions) {
    for (Authorization authorization : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list()) {
      boolean changed = false;
      for (Permission permission : permissions) {
        if (authorization.isPermissionGranted(permission)) {
          authorization.removePermission(permission);
          changed = true;
        }
      }
      if (changed) {
        authorizations.saveAuthorization(authorization);
      }
    }
  }
}
