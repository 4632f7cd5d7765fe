package se.breachflow.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import se.breachflow.access.AccessRules;
import se.breachflow.access.Groups;
import se.breachflow.organisation.DataController;

/**
 * The process's part of the access set up at start: who may see and start the process definitions (the report:
 * staff; a supplier incident: coordinators and DPOs), and Tasklist's filters. Process instances and their history are granted per instance (access/ProcessInstanceAccess).
 */
@Component
class ProcessAccessRules implements AccessRules {

  static final String FILTER_MY_TASKS = "Mina uppgifter";
  static final String FILTER_GROUP_TASKS = "Min grupps uppgifter";

  private final FilterService filters;
  private final TaskService tasks;

  ProcessAccessRules(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void apply(Grants grants, List<DataController> controllers) {
    grants.grant(Groups.STAFF, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    for (DataController controller : controllers) {
      for (String worker : Groups.caseWorkers(controller.id())) {
        grants.grant(worker, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ);
      }
      // A supplier incident is registered in Tasklist by the coordinators and DPOs of the controllers it
      // names (SupplierIncidents checks each controller); staff do not see its start form at all.
      for (String registrar : Groups.registrars(controller.id())) {
        grants.grant(registrar, Resources.PROCESS_DEFINITION, BpmnIds.SUPPLIER_PROCESS, Permissions.READ,
            Permissions.CREATE_INSTANCE);
      }
      String management = Groups.management(controller.id());
      // Exactly READ: instances and history are granted per instance, so that management of one controller
      // never sees another's. Earlier versions granted READ_INSTANCE and READ_HISTORY here for all instances;
      // takeAway removes them again.
      grants.grant(management, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ);
      grants.takeAway(management, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY);
    }
    filter(grants, FILTER_MY_TASKS, -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    filter(grants, FILTER_GROUP_TASKS, -5, tasks.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
  }

  private void filter(Grants grants, String name, int priority, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setOwner(null);
    }
    // Sorted by the deadline the task is due at, and each task shows its case and nämnd (issue 21); the due date's
    // time left is Tasklist's own ("Förfaller om 3 timmar"), computed when the list is shown.
    filter.setQuery(query.orderByDueDate().asc());
    filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true,
        "variables", List.of(
            Map.of("name", ProcessVariables.INCIDENT_NUMBER.name(), "label", "Ärende"),
            Map.of("name", ProcessVariables.CONTROLLER_NAME.name(), "label", "Nämnd eller bolag"))));
    filters.saveFilter(filter);
    grants.grant(Groups.STAFF, Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
