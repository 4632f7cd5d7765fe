package se.breachflow.incident;

import static se.breachflow.process.ProcessVariables.AUTHORITY_DEADLINE;
import static se.breachflow.process.ProcessVariables.CONTROLLER_ID;
import static se.breachflow.process.ProcessVariables.INCIDENT_NUMBER;
import static se.breachflow.process.ProcessVariables.REPORTER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.breachflow.notification.Notifications;
import se.breachflow.process.ProcessVariables;

/**
 * {@code serviceTask_registerIncident}: stores the report and gives the process its business key. The
 * report's values leave the engine here; the process keeps only the number, the controller and the deadline.
 * The receipt and the news of the incident go to the outbox in the same transaction.
 */
@Component("registerIncidentDelegate")
public class RegisterIncidentDelegate implements JavaDelegate {

  private final IncidentRegistration registration;
  private final Notifications notifications;

  public RegisterIncidentDelegate(IncidentRegistration registration, Notifications notifications) {
    this.registration = registration;
    this.notifications = notifications;
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
    notifications.incidentRegistered(incident.number(), incident.controllerId());
  }
}
