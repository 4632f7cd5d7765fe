package se.breachflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

import se.breachflow.access.SystemCalls;
import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskAssessor;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.assessment.RiskRules;

/**
 * Evaluates the risk rules, DMN decision {@value RiskRules#DECISION_KEY} in {@code bpmn/risk-assessment.dmn}, for a set
 * of facts. The same evaluation serves the API and the process. It uses the latest deployed version of the
 * decision, the one Cockpit shows: a threshold changed in Camunda Modeler and deployed takes effect without a
 * change in Java.
 */
@Service
class DeployedRiskRules implements RiskAssessor {

  private final RepositoryService repository;
  private final SystemCalls system;
  private volatile Loaded loaded;

  DeployedRiskRules(RepositoryService repository, SystemCalls system) {
    this.repository = repository;
    this.system = system;
  }

  @Override
  public RiskAssessment assess(RiskFacts facts) {
    return rules().evaluate(facts);
  }

  /** The parsed rules of the latest deployed version, parsed again only when a new version is deployed. */
  private RiskRules rules() {
    // The rules are not a protected resource: anyone who may assess may read them (no engine permission).
    return system.run(() -> {
      DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(RiskRules.DECISION_KEY)
          .withoutTenantId().latestVersion().singleResult();
      if (latest == null) {
        throw new IllegalStateException("The decision " + RiskRules.DECISION_KEY + " is not deployed");
      }
      Loaded current = loaded;
      if (current == null || !current.definitionId().equals(latest.getId())) {
        try (InputStream dmn = repository.getDecisionModel(latest.getId())) {
          current = new Loaded(latest.getId(), RiskRules.parse(dmn));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        loaded = current;
      }
      return current.rules();
    });
  }

  private record Loaded(String definitionId, RiskRules rules) {}
}
