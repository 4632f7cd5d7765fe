package se.breachflow.workflow;

import static se.breachflow.workflow.ProcessVariables.RECOMMEND_NOTIFY_AUTHORITY;
import static se.breachflow.workflow.ProcessVariables.RECOMMEND_NOTIFY_DATA_SUBJECTS;
import static se.breachflow.workflow.ProcessVariables.RISK_LEVEL;
import static se.breachflow.workflow.ProcessVariables.SEVERITY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskAssessor;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.shared.Times;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;

/**
 * The business rule tasks {@code businessRuleTask_preliminaryAssessment} and
 * {@code businessRuleTask_finalAssessment}: evaluate the DMN risk rules on the incident's facts, store the
 * result with its reasons, and expose the recommendation to the process (and Cockpit).
 */
@Component("assessRiskDelegate")
public class AssessRiskDelegate implements JavaDelegate {

  private final IncidentRepository incidents;
  private final RiskAssessor assessor;

  public AssessRiskDelegate(IncidentRepository incidents, RiskAssessor assessor) {
    this.incidents = incidents;
    this.assessor = assessor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident incident = incidents.find(execution.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("No incident " + execution.getProcessBusinessKey()));
    RiskAssessment assessment = assessor.assess(incident.facts());
    IncidentRepository.AssessmentKind kind = BpmnIds.PRELIMINARY_ASSESSMENT.equals(execution.getCurrentActivityId())
        ? IncidentRepository.AssessmentKind.PRELIMINARY
        : IncidentRepository.AssessmentKind.FINAL;
    incidents.addAssessment(incident.number(), kind, assessment, null, Times.now());
    RISK_LEVEL.set(execution, assessment.riskLevel());
    SEVERITY.set(execution, assessment.severity());
    RECOMMEND_NOTIFY_AUTHORITY.set(execution, assessment.notifyAuthority());
    RECOMMEND_NOTIFY_DATA_SUBJECTS.set(execution, assessment.notifyDataSubjects());
  }
}
