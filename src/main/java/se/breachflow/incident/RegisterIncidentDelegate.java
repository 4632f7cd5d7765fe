package se.breachflow.incident;

import static se.breachflow.process.ProcessVariables.AUTHORITY_DEADLINE;
import static se.breachflow.process.ProcessVariables.CONTROLLER_ID;
import static se.breachflow.process.ProcessVariables.INCIDENT_NUMBER;
import static se.breachflow.process.ProcessVariables.REPORTER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.breachflow.access.ProcessInstanceAccess;
import se.breachflow.notification.Notifications;
import se.breachflow.process.ProcessVariables;

/**
 * {@code serviceTask_registerIncident}: stores the report and gives the process its business key. The
 * report's values leave the engine here; the process keeps only the number, the controller and the deadline.
 * The controller's groups get read access to this instance (and nobody else's do); the receipt and the news
 * of the incident go to the outbox in the same transaction.
 */
@Component("registerIncidentDelegate")
public class RegisterIncidentDelegate implements JavaDelegate {

  private final IncidentRegistration registration;
  private final Notifications notifications;
  private final ProcessInstanceAccess access;

  public RegisterIncidentDelegate(IncidentRegistration registration, Notifications notifications,
      ProcessInstanceAccess access) {
    this.registration = registration;
    this.notifications = notifications;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident incident = registration.register(
        execution.getProcessInstanceId(), REPORTER_ID.get(execution), execution::getVariable);
    execution.setProcessBusinessKey(incident.number());
    for (String name : ProcessVariables.REPORT_FIELDS) {
      execution.removeVariable(name);
    }
    INCIDENT_NUMBER.set(execution, incident.number());
    CONTROLLER_ID.set(execution, incident.controllerId());
    AUTHORITY_DEADLINE.set(execution, incident.authorityDeadline());
    access.grant(execution.getProcessInstanceId(), incident.controllerId());
    notifications.incidentRegistered(incident.number(), incident.controllerId());
  }
}
