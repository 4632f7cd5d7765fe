package se.breachflow.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

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
import org.springframework.stereotype.Component;

import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.process.BpmnIds;

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

  public AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, ControllerRegistry controllers, ObjectProvider<DemoUsers> demoUsers) {
    this.tasks = tasks;
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
  }

  void setUp() {
    group(Groups.STAFF, "Medarbetare");
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
      grant(management, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ,
          Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
      grant(management, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ,
          Permissions.READ_HISTORY);
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
    if (identity.createGroupQuery().groupId(id).count() == 0) {
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
