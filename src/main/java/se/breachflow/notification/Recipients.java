package se.breachflow.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import se.breachflow.access.Groups;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/**
 * Turns a message's audience into e-mail addresses when it is sent, from the identity service (so a change
 * of people or addresses between writing and sending is respected). A group with no member with an address
 * falls back to the controller's DPO address from the configuration. Called without an authenticated user.
 */
@Component
class Recipients {

  private final IdentityService identity;
  private final TaskService tasks;
  private final HistoryService history;
  private final ControllerRegistry controllers;

  Recipients(IdentityService identity, TaskService tasks, HistoryService history, ControllerRegistry controllers) {
    this.identity = identity;
    this.tasks = tasks;
    this.history = history;
    this.controllers = controllers;
  }

  /** The addresses, without duplicates, in a stable order; empty when nobody can be reached. */
  Set<String> resolve(OutboxMessage message, String reporterId) {
    Set<String> addresses = new LinkedHashSet<>();
    for (Audience audience : message.audience().stream().sorted().toList()) {
      switch (audience) {
        case REPORTER -> email(reporterId).ifPresent(addresses::add);
        case COORDINATORS -> addresses.addAll(group(Groups.coordinators(message.controllerId()), message));
        case DPO -> addresses.addAll(group(Groups.dpo(message.controllerId()), message));
        case MANAGEMENT -> addresses.addAll(group(Groups.management(message.controllerId()), message));
        case TASK_CANDIDATES -> addresses.addAll(candidates(message));
        case TASK_ASSIGNEE -> assignee(message.taskId()).flatMap(this::email).ifPresent(addresses::add);
      }
    }
    return addresses;
  }

  private Set<String> group(String groupId, OutboxMessage message) {
    Set<String> addresses = new LinkedHashSet<>();
    for (User user : identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
      if (StringUtils.hasText(user.getEmail())) {
        addresses.add(user.getEmail().strip());
      }
    }
    if (addresses.isEmpty()) {
      dpoFallback(message).ifPresent(addresses::add);
    }
    return addresses;
  }

  private Set<String> candidates(OutboxMessage message) {
    Set<String> groups = new LinkedHashSet<>();
    Set<String> users = new LinkedHashSet<>();
    if (message.taskId() != null) {
      Task task = tasks.createTaskQuery().taskId(message.taskId()).singleResult();
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
            .taskId(message.taskId()).type(IdentityLinkType.CANDIDATE).orderByTime().asc().list();
        for (HistoricIdentityLinkLog entry : log) {
          boolean added = "add".equals(entry.getOperationType());
          change(entry.getGroupId(), groups, added);
          change(entry.getUserId(), users, added);
        }
      }
    }
    Set<String> addresses = new LinkedHashSet<>();
    groups.forEach(group -> addresses.addAll(group(group, message)));
    users.forEach(user -> email(user).ifPresent(addresses::add));
    if (addresses.isEmpty()) {
      dpoFallback(message).ifPresent(addresses::add);
    }
    return addresses;
  }

  private Optional<String> assignee(String taskId) {
    if (taskId == null) {
      return Optional.empty();
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null) {
      return Optional.ofNullable(task.getAssignee());
    }
    HistoricTaskInstance finished = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    return Optional.ofNullable(finished == null ? null : finished.getAssignee());
  }

  private Optional<String> email(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user == null || !StringUtils.hasText(user.getEmail()) ? Optional.empty()
        : Optional.of(user.getEmail().strip());
  }

  private Optional<String> dpoFallback(OutboxMessage message) {
    return controllers.find(message.controllerId()).map(DataController::dpo).map(DataController.Dpo::email)
        .filter(StringUtils::hasText).map(String::strip);
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
