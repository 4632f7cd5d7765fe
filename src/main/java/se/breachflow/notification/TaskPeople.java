package se.breachflow.notification;

import java.util.Optional;
import java.util.Set;

/** Who a task of an incident is for (the workflow glue answers from the engine's tasks and their history). */
public interface TaskPeople {

  /** A task's candidate groups and users, as they are, or as they were when it was finished. */
  record Candidates(Set<String> groups, Set<String> users) {}

  Candidates candidates(String taskId);

  /** Who has the task, or had it when it was finished. */
  Optional<String> assignee(String taskId);
}
