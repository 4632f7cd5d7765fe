package se.breachflow.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import se.breachflow.notification.TaskPeople;

/** Who a task is for, from the engine: its identity links, or their log once the task is finished. */
@Component
class EngineTaskPeople implements TaskPeople {

  private final TaskService tasks;
  private final HistoryService history;

  EngineTaskPeople(TaskService tasks, HistoryService history) {
    this.tasks = tasks;
    this.history = history;
  }

  @Override
  public Candidates candidates(String taskId) {
    Set<String> groups = new LinkedHashSet<>();
    Set<String> users = new LinkedHashSet<>();
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          add(link.getGroupId(), groups);
          add(link.getUserId(), users);
        }
      }
    } else {
      // The task was finished before the message went out: its candidates as they were.
      List<HistoricIdentityLinkLog> log = history.createHistoricIdentityLinkLogQuery()
          .taskId(taskId).type(IdentityLinkType.CANDIDATE).orderByTime().asc().list();
      for (HistoricIdentityLinkLog entry : log) {
        boolean added = "add".equals(entry.getOperationType());
        change(entry.getGroupId(), groups, added);
        change(entry.getUserId(), users, added);
      }
    }
    return new Candidates(groups, users);
  }

  @Override
  public Optional<String> assignee(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null) {
      return Optional.ofNullable(task.getAssignee());
    }
    HistoricTaskInstance finished = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    return Optional.ofNullable(finished == null ? null : finished.getAssignee());
  }

  private static void add(String id, Set<String> ids) {
    if (id != null) {
      ids.add(id);
    }
  }

  private static void change(String id, Set<String> ids, boolean added) {
    if (id != null) {
      if (added) {
        ids.add(id);
      } else {
        ids.remove(id);
      }
    }
  }
}
