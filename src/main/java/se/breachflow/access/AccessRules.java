package se.breachflow.access;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

import se.breachflow.organisation.DataController;

/**
 * What another capability adds to the access that {@link AccessSetup} sets up at every start, after the groups:
 * the permissions on its own resources (the workflow glue: the process definition, Tasklist's filters).
 */
public interface AccessRules {

  void apply(Grants grants, List<DataController> controllers);

  /** Idempotent changes of a group's Camunda permissions. */
  interface Grants {

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions);

    /** Takes permissions away from a group's grant, where an earlier version gave them. */
    void takeAway(String groupId, Resource resource, String resourceId, Permission... permissions);
  }
}
