package se.breachflow.notification;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import se.breachflow.access.Groups;
import se.breachflow.access.People;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/**
 * Turns a message's audience into e-mail addresses when it is sent, from the identity service (so a change
 * of people or addresses between writing and sending is respected). A group with no member with an address
 * falls back to the controller's DPO address from the configuration. Called without an authenticated user.
 */
@Component
class Recipients {

  private final People people;
  private final TaskPeople tasks;
  private final ControllerRegistry controllers;

  Recipients(People people, TaskPeople tasks, ControllerRegistry controllers) {
    this.people = people;
    this.tasks = tasks;
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
        case DECISION_MAKERS -> addresses.addAll(group(Groups.decisionMakers(message.controllerId()), message));
        case SECURITY -> addresses.addAll(group(Groups.security(message.controllerId()), message));
        case MANAGEMENT -> addresses.addAll(group(Groups.management(message.controllerId()), message));
        case TASK_CANDIDATES -> addresses.addAll(candidates(message));
        case TASK_ASSIGNEE -> assignee(message.taskId()).flatMap(this::email).ifPresent(addresses::add);
      }
    }
    return addresses;
  }

  private Set<String> group(String groupId, OutboxMessage message) {
    Set<String> addresses = new LinkedHashSet<>();
    for (People.Person member : people.members(groupId)) {
      if (member.email() != null) {
        addresses.add(member.email());
      }
    }
    if (addresses.isEmpty()) {
      dpoFallback(message).ifPresent(addresses::add);
    }
    return addresses;
  }

  private Set<String> candidates(OutboxMessage message) {
    Set<String> addresses = new LinkedHashSet<>();
    if (message.taskId() != null) {
      TaskPeople.Candidates candidates = tasks.candidates(message.taskId());
      candidates.groups().forEach(group -> addresses.addAll(group(group, message)));
      candidates.users().forEach(user -> email(user).ifPresent(addresses::add));
    }
    if (addresses.isEmpty()) {
      dpoFallback(message).ifPresent(addresses::add);
    }
    return addresses;
  }

  private Optional<String> assignee(String taskId) {
    return taskId == null ? Optional.empty() : tasks.assignee(taskId);
  }

  private Optional<String> email(String userId) {
    return people.find(userId).map(People.Person::email);
  }

  private Optional<String> dpoFallback(OutboxMessage message) {
    return controllers.find(message.controllerId()).map(DataController::dpo).map(DataController.Dpo::email)
        .filter(StringUtils::hasText).map(String::strip);
  }
}
