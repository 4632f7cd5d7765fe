package se.breachflow.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.workflow.BpmnIds;

/**
 * Creates, at every start and idempotently, the groups of the configured controllers, their Camunda
 * authorizations and Tasklist's filters. Adding a controller to the configuration is all it takes.
 */
@Component
public class AccessSetup implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  static final String FILTER_MY_TASKS = "Mina uppgifter";
  static final String FILTER_GROUP_TASKS = "Min grupps uppgifter";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final ControllerRegistry controllers;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final ProcessInstanceAccess instances;
  private final JdbcTemplate jdbc;

  public AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, ControllerRegistry controllers, ObjectProvider<DemoUsers> demoUsers,
      ProcessInstanceAccess instances, JdbcTemplate jdbc) {
    this.tasks = tasks;
    this.instances = instances;
    this.jdbc = jdbc;
    this.demoUsers = demoUsers;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.controllers = controllers;
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
    if (identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
      throw new IllegalStateException("The group " + Groups.ADMIN + " has no member: set the administrator "
          + "(camunda.bpm.admin-user, BREACHFLOW_ADMIN_ID/BREACHFLOW_ADMIN_PASSWORD) or, with LDAP, put a user "
          + "into the directory's " + Groups.ADMIN + " group. Refusing to start: Camunda Admin would offer "
          + "anyone to create the first administrator.");
    }
  }

  void setUp() {
    if (identity.isReadOnly()) {
      LOG.info("The identity provider is read-only (LDAP): groups {}, coordinator-<id>, dpo-<id>, management-<id> "
          + "come from the directory", Groups.STAFF);
    }
    group(Groups.STAFF, "Medarbetare");
    // Reads /actuator/prometheus only (access/RestrictedPaths); no permission in the engine.
    group(Groups.MONITORING, "Övervakning");
    grant(Groups.STAFF, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.STAFF, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Groups.STAFF, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);

    for (DataController controller : controllers.all()) {
      String coordinators = Groups.coordinators(controller.id());
      String dpo = Groups.dpo(controller.id());
      String management = Groups.management(controller.id());
      group(coordinators, "Dataskyddssamordnare – " + controller.name());
      group(dpo, "Dataskyddsombud – " + controller.name());
      group(management, "Ledning – " + controller.name());
      for (String worker : List.of(coordinators, dpo)) {
        grant(worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(worker, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ);
      }
      grant(management, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      // Exactly READ: instances and history are granted per instance (ProcessInstanceAccess), so that
      // management of one controller never sees another's. Earlier versions granted READ_INSTANCE and
      // READ_HISTORY here for all instances; takeAway removes them again.
      grant(management, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ);
      takeAway(management, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY);
      // The decision tables, not their evaluations (those hold other controllers' facts).
      grant(management, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
      takeAway(management, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
    }
    filter(FILTER_MY_TASKS, -10, taskQuery().taskAssigneeExpression("${currentUser()}"));
    filter(FILTER_GROUP_TASKS, -5, taskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks());
    LOG.info("Access set up for controllers {}", controllers.all().stream().map(DataController::id).toList());
  }

  private TaskQuery taskQuery() {
    return tasks.createTaskQuery();
  }

  private void group(String id, String name) {
    if (!identity.isReadOnly() && identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
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

  /** Takes permissions away from a group's grant, where an earlier version gave them. */
  private void takeAway(String groupId, Resource resource, String resourceId, Permission... permissions) {
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

  private void filter(String name, int priority, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setOwner(null);
    }
    filter.setQuery(query);
    filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
    filters.saveFilter(filter);
    grant(Groups.STAFF, Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
