package se.breachflow.workflow;

import static se.breachflow.workflow.ProcessVariables.NOT_A_BREACH;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import se.breachflow.incident.IncidentLifecycle;

/**
 * {@code serviceTask_closeIncident}: closes the incident (also when it was not a breach); the incident report
 * is filed and the reporter told on its event, in the same transaction.
 */
@Component("closeIncidentDelegate")
public class CloseIncidentDelegate implements JavaDelegate {

  private final IncidentLifecycle lifecycle;

  public CloseIncidentDelegate(IncidentLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    lifecycle.close(execution.getProcessBusinessKey(), Boolean.TRUE.equals(NOT_A_BREACH.get(execution)),
        user == null ? null : user.getUserId());
  }
}
