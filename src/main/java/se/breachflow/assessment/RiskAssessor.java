package se.breachflow.assessment;

/**
 * The risk rules as they are deployed: the latest version of the DMN decision {@value RiskRules#DECISION_KEY}
 * ({@code bpmn/risk-assessment.dmn}), the one Cockpit shows, evaluated on a set of facts. The same evaluation
 * serves the API and the process; a threshold changed in Camunda Modeler and deployed takes effect without a
 * change in Java. (The workflow glue reads the deployed decision from the engine.)
 */
public interface RiskAssessor {

  RiskAssessment assess(RiskFacts facts);
}
