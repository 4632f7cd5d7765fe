package se.breachflow.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Per-instance Camunda authorizations: the controller's coordinators, DPO and management may read the process
 * instance of an incident (Cockpit, engine REST) and its history, and nobody else's group may. There is no
 * definition-wide READ_INSTANCE or READ_HISTORY grant, so management of one controller never sees another
 * controller's instances. History per instance needs {@code enableHistoricInstancePermissions}
 * (application.yml).
 */
@Component
public class ProcessInstanceAccess {

  private static final List<Resource> RESOURCES = List.of(Resources.PROCESS_INSTANCE,
      Resources.HISTORIC_PROCESS_INSTANCE);

  private final AuthorizationService authorizations;
  private final SystemCalls system;

  public ProcessInstanceAccess(AuthorizationService authorizations, SystemCalls system) {
    this.authorizations = authorizations;
    this.system = system;
  }

  /** The groups that may read an instance of {@code controllerId}. */
  static List<String> readers(String controllerId) {
    return Groups.caseReaders(controllerId);
  }

  /**
   * Grants the controller's groups READ on the instance, inside the caller's transaction (called by the
   * process when it registers the incident); the reporter's own permissions do not matter.
   */
  public void grant(String processInstanceId, String controllerId) {
    withoutAuthorization(() -> {
      for (String group : readers(controllerId)) {
        for (Resource resource : RESOURCES) {
          create(group, resource, processInstanceId);
        }
      }
      return null;
    });
  }

  /**
   * Makes sure every given instance (id → controller) carries its grants: at start, for incidents registered
   * before a controller's groups or these grants existed. Idempotent.
   */
  void ensure(Map<String, String> controllerByInstance) {
    if (controllerByInstance.isEmpty()) {
      return;
    }
    withoutAuthorization(() -> {
      Set<String> existing = new HashSet<>();
      Set<String> groups = new HashSet<>();
      controllerByInstance.values().forEach(controller -> groups.addAll(readers(controller)));
      for (Resource resource : RESOURCES) {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
            .resourceType(resource).groupIdIn(groups.toArray(String[]::new)).list()
            .forEach(a -> existing.add(key(a.getGroupId(), resource, a.getResourceId())));
      }
      controllerByInstance.forEach((instance, controller) -> {
        for (String group : readers(controller)) {
          for (Resource resource : RESOURCES) {
            if (!existing.contains(key(group, resource, instance))) {
              create(group, resource, instance);
            }
          }
        }
      });
      return null;
    });
  }

  private void create(String group, Resource resource, String resourceId) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(resource == Resources.HISTORIC_PROCESS_INSTANCE
        ? HistoricProcessInstancePermissions.READ : Permissions.READ);
    authorizations.saveAuthorization(authorization);
  }

  private static String key(String group, Resource resource, String resourceId) {
    return group + "|" + resource.resourceType() + "|" + resourceId;
  }

  private void withoutAuthorization(Callable<Void> call) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.runWithoutAuthorization(call);
    } else {
      system.run(() -> {
        try {
          return call.call();
        } catch (Exception e) {
          throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
      });
    }
  }
}
