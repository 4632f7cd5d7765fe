package se.breachflow.workflow;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

import se.breachflow.access.SystemCalls;
import se.breachflow.register.ProcessHistory;

/** Retention's deletion of the engine's history, as the application (retention decided which). */
@Component
class EngineProcessHistory implements ProcessHistory {

  private final HistoryService history;
  private final SystemCalls system;

  EngineProcessHistory(HistoryService history, SystemCalls system) {
    this.history = history;
    this.system = system;
  }

  @Override
  public void delete(List<String> processInstanceIds) {
    system.run(() -> {
      history.deleteHistoricProcessInstancesIfExists(processInstanceIds);
      return null;
    });
  }
}
