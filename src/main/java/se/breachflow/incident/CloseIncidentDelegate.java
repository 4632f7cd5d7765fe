package se.breachflow.incident;

import static se.breachflow.process.ProcessVariables.NOT_A_BREACH;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.breachflow.notification.Notifications;
import se.breachflow.process.ProcessVariables;
import se.breachflow.web.Times;

/**
 * {@code serviceTask_closeIncident}: closes the incident in the register (also when it was not a breach);
 * the reporter is told through the outbox in the same transaction.
 */
@Component("closeIncidentDelegate")
public class CloseIncidentDelegate implements JavaDelegate {

  private final IncidentRepository incidents;
  private final Notifications notifications;

  public CloseIncidentDelegate(IncidentRepository incidents, Notifications notifications) {
    this.incidents = incidents;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IncidentStatus status = Boolean.TRUE.equals(NOT_A_BREACH.get(execution))
        ? IncidentStatus.CLOSED_NOT_A_BREACH
        : IncidentStatus.CLOSED;
    String closedBy = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? null
        : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    incidents.close(execution.getProcessBusinessKey(), status, closedBy, Times.now());
    notifications.incidentClosed(execution.getProcessBusinessKey(), ProcessVariables.CONTROLLER_ID.get(execution));
  }
}
