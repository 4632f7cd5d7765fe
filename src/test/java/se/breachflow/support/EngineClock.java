package se.breachflow.support;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the one clock the application and the engine share; tests reset it afterwards. */
public final class EngineClock {

  private EngineClock() {}

  public static void set(String isoInstantWithOffset) {
    ClockUtil.setCurrentTime(Date.from(java.time.OffsetDateTime.parse(isoInstantWithOffset).toInstant()));
  }

  public static void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public static void reset() {
    ClockUtil.reset();
  }
}
