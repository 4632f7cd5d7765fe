package se.breachflow.workflow;

import java.time.Period;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Applies {@code breachflow.history-time-to-live} to every deployed process and decision definition, so
 * the retention of the engine's history is configuration, not a value edited into each model. (The models
 * still carry a value: the engine refuses to deploy without one.)
 */
@Component
public class HistoryTimeToLive implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryTimeToLive.class);

  private final RepositoryService repository;
  private final int days;

  public HistoryTimeToLive(RepositoryService repository,
      @Value("${breachflow.history-time-to-live:P3650D}") String historyTimeToLive) {
    this.repository = repository;
    this.days = parseDays(historyTimeToLive);
  }

  static int parseDays(String value) {
    String text = value.strip();
    if (text.matches("\\d+")) {
      return Integer.parseInt(text);
    }
    Period period = Period.parse(text);
    if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 0) {
      throw new IllegalStateException(
          "breachflow.history-time-to-live must be a number of days or an ISO period in days (e.g. P3650D): " + value);
    }
    return period.getDays();
  }

  /** After the engine is built and the models deployed. */
  @Override
  public void afterSingletonsInstantiated() {
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
      }
    }
    LOG.info("History time to live of all process and decision definitions: {} days", days);
  }
}
