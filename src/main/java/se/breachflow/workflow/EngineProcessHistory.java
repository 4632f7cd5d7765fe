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
  private final org.camunda.bpm.engine.RuntimeService runtime;

  EngineProcessHistory(HistoryService history, SystemCalls system, org.camunda.bpm.engine.RuntimeService runtime) {
    this.runtime = runtime;
    this.history = history;
    this.system = system;
  }

  @Override
  public void delete(List<String> processInstanceIds) {
    system.run(() -> {
      // A closed case whose cyber track or supplier supplement still runs keeps its instance (ADR 0017): its
      // history goes at a later run, once the instance has ended; the engine would refuse the whole batch.
      java.util.Set<String> running = new java.util.HashSet<>();
      runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(processInstanceIds)).list()
          .forEach(instance -> running.add(instance.getId()));
      List<String> ended = processInstanceIds.stream().filter(id -> !running.contains(id)).toList();
      if (!ended.isEmpty()) {
        history.deleteHistoricProcessInstancesIfExists(ended);
      }
      return null;
    });
  }
}
