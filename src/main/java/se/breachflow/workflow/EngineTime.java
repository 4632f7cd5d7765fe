package se.breachflow.workflow;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import se.breachflow.shared.Times;

/**
 * The application's clock is the engine's ({@link ClockUtil}): the deadlines the record computes and the timers
 * the engine fires then agree, also when a test moves the engine's clock.
 */
@Component
class EngineTime {

  EngineTime() {
    Times.useClock(() -> ClockUtil.now().toInstant());
  }
}
