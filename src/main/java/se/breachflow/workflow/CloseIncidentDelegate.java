package se.breachflow.workflow;

import static se.breachflow.workflow.ProcessVariables.NOT_A_BREACH;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.breachflow.document.IncidentDocuments;
import se.breachflow.notification.Notifications;
import se.breachflow.shared.Times;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.incident.IncidentRepository;

/**
 * {@code serviceTask_closeIncident}: closes the incident in the register (also when it was not a breach),
 * files the incident report as it stands at closing, and tells the reporter through the outbox, all in the
 * same transaction.
 */
@Component("closeIncidentDelegate")
public class CloseIncidentDelegate implements JavaDelegate {

  private final IncidentRepository incidents;
  private final Notifications notifications;
  private final IncidentDocuments documents;

  public CloseIncidentDelegate(IncidentRepository incidents, Notifications notifications,
      IncidentDocuments documents) {
    this.incidents = incidents;
    this.notifications = notifications;
    this.documents = documents;
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
    documents.fileIncidentReport(execution.getProcessBusinessKey(), closedBy);
    notifications.incidentClosed(execution.getProcessBusinessKey(), ProcessVariables.CONTROLLER_ID.get(execution));
  }
}
