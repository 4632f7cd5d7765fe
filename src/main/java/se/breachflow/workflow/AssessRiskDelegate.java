package se.breachflow.workflow;

import static se.breachflow.workflow.ProcessVariables.RECOMMEND_NOTIFY_AUTHORITY;
import static se.breachflow.workflow.ProcessVariables.RECOMMEND_NOTIFY_DATA_SUBJECTS;
import static se.breachflow.workflow.ProcessVariables.RISK_LEVEL;
import static se.breachflow.workflow.ProcessVariables.SEVERITY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.incident.IncidentLifecycle;
import se.breachflow.incident.IncidentRepository;

/**
 * The business rule tasks {@code businessRuleTask_preliminaryAssessment} and
 * {@code businessRuleTask_finalAssessment}: evaluate the DMN risk rules on the incident's facts, store the
 * result with its reasons, and expose the recommendation to the process (and Cockpit).
 */
@Component("assessRiskDelegate")
public class AssessRiskDelegate implements JavaDelegate {

  private final IncidentLifecycle lifecycle;

  public AssessRiskDelegate(IncidentLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IncidentRepository.AssessmentKind kind = BpmnIds.PRELIMINARY_ASSESSMENT.equals(execution.getCurrentActivityId())
        ? IncidentRepository.AssessmentKind.PRELIMINARY
        : IncidentRepository.AssessmentKind.FINAL;
    RiskAssessment assessment = lifecycle.assessRisk(execution.getProcessBusinessKey(), kind);
    RISK_LEVEL.set(execution, assessment.riskLevel());
    SEVERITY.set(execution, assessment.severity());
    RECOMMEND_NOTIFY_AUTHORITY.set(execution, assessment.notifyAuthority());
    RECOMMEND_NOTIFY_DATA_SUBJECTS.set(execution, assessment.notifyDataSubjects());
  }
}
