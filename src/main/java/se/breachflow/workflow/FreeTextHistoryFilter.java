package se.breachflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import se.breachflow.incident.Fields;
import se.breachflow.shared.Lists;

/**
 * Keeps the free texts of a report ({@link ProcessVariables#FREE_TEXTS}) out of the engine's history.
 * They pass through the engine as form values and may contain personal data; the incident record holds
 * them, under the project's own access rules and retention. Everything else is recorded as usual (level full).
 */
@Component
public class FreeTextHistoryFilter extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(
        Lists.<HistoryEventHandler>with(configuration.getCustomHistoryEventHandlers(), new Handler()));
  }

  /** The engine's database handler, minus the variable events of free texts. */
  static final class Handler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && Fields.isFreeText(variable.getVariableName())) {
        return;
      }
      super.handleEvent(event);
    }
  }
}
