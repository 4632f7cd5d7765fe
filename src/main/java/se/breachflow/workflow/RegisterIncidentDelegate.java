package se.breachflow.workflow;

import static se.breachflow.workflow.ProcessVariables.AUTHORITY_DEADLINE;
import static se.breachflow.workflow.ProcessVariables.CONTROLLER_ID;
import static se.breachflow.workflow.ProcessVariables.INCIDENT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.breachflow.access.ProcessInstanceAccess;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentLifecycle;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/**
 * {@code serviceTask_registerIncident}: stores the report that {@link VariableBoundary} checked at the start and
 * gives the process its business key. The report never becomes process variables; the process keeps only the
 * number, the controller and the deadline. The controller's groups get read access to this instance (and
 * nobody else's do); the receipt and the news of the incident go to the outbox on its event, in the same
 * transaction.
 */
@Component("registerIncidentDelegate")
public class RegisterIncidentDelegate implements JavaDelegate {

  private final IncidentLifecycle lifecycle;
  private final ProcessInstanceAccess access;
  private final ControllerRegistry controllers;

  public RegisterIncidentDelegate(IncidentLifecycle lifecycle, ProcessInstanceAccess access,
      ControllerRegistry controllers) {
    this.controllers = controllers;
    this.lifecycle = lifecycle;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Submissions.Report submitted = Submissions.report();
    if (submitted == null) {
      // Only a start through the boundary carries a checked report (the process must start synchronously,
      // in the command that started it); anything else is refused rather than registered empty.
      throw new IllegalStateException("No checked report for process instance " + execution.getProcessInstanceId()
          + ": a report is made through the start form, engine REST or POST /api/incidents");
    }
    Incident incident = lifecycle.register(execution.getProcessInstanceId(), submitted.reporterId(),
        submitted.report());
    execution.setProcessBusinessKey(incident.number());
    INCIDENT_NUMBER.set(execution, incident.number());
    CONTROLLER_ID.set(execution, incident.controllerId());
    ProcessVariables.CONTROLLER_NAME.set(execution, controllers.find(incident.controllerId())
        .map(DataController::name).orElse(incident.controllerId()));
    AUTHORITY_DEADLINE.set(execution, incident.authorityDeadline());
    access.grant(execution.getProcessInstanceId(), incident.controllerId());
  }
}
