package se.breachflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import se.breachflow.notification.Notifications;

/**
 * Added to every user task of every process by {@link TaskNotificationPlugin}: on create the candidates
 * are told (TASK_CANDIDATE), on assignment the new assignee (TASK_ASSIGNED). Someone who claims a task
 * for themselves gets no message about it.
 */
@Component
public class TaskNotificationListener implements TaskListener {

  private final Notifications notifications;

  public TaskNotificationListener(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null || execution.getProcessBusinessKey() == null) {
      return; // not a task of an incident
    }
    String number = execution.getProcessBusinessKey();
    String controllerId = ProcessVariables.CONTROLLER_ID.get(execution);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> notifications.taskCreated(number, controllerId, task.getId(), task.getName());
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null && !task.getAssignee().equals(currentUser(task))) {
          notifications.taskAssigned(number, controllerId, task.getId(), task.getName());
        }
      }
      default -> { }
    }
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
