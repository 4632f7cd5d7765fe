package se.breachflow.access.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How wrong passwords slow down the next try ({@code breachflow.login-throttle.*}), per user and client
 * (docs/adr/0008). The first {@code freeFailures} wrong passwords cost nothing; each further one delays the
 * next try from that client for that user by {@code initialDelay}, multiplied by {@code multiplier} each
 * time, at most {@code maxDelay}. Nothing is ever locked for longer than {@code maxDelay}.
 *
 * @param freeFailures wrong passwords a person may type before any delay (typos)
 * @param initialDelay the delay after the first wrong password beyond the free ones
 * @param multiplier each further wrong password multiplies the delay by this
 * @param maxDelay the longest delay; also the longest anybody waits
 * @param forgetAfter a (user, client) without a wrong password for this long starts afresh
 * @param maxEntries the most (user, client) pairs remembered; beyond, those not delayed are forgotten first
 */
@ConfigurationProperties(prefix = "breachflow.login-throttle")
public record LoginThrottleSettings(
    @DefaultValue("3") int freeFailures,
    @DefaultValue("PT5S") Duration initialDelay,
    @DefaultValue("2") double multiplier,
    @DefaultValue("PT15M") Duration maxDelay,
    @DefaultValue("PT24H") Duration forgetAfter,
    @DefaultValue("10000") int maxEntries) {

  public LoginThrottleSettings {
    if (freeFailures < 0) {
      throw invalid("free-failures must be 0 or more, got " + freeFailures);
    }
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw invalid("initial-delay must be positive, got " + initialDelay);
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw invalid("multiplier must be at least 1, got " + multiplier);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw invalid("max-delay must be at least initial-delay, got " + maxDelay);
    }
    if (forgetAfter.compareTo(maxDelay) < 0) {
      throw invalid("forget-after must be at least max-delay, got " + forgetAfter);
    }
    if (maxEntries < 100) {
      throw invalid("max-entries must be at least 100, got " + maxEntries);
    }
  }

  /** The delay after {@code failures} wrong passwords in a row; zero within the free ones. */
  public Duration delayAfter(int failures) {
    int beyond = failures - freeFailures;
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    double millis = initialDelay.toMillis() * Math.pow(multiplier, beyond - 1);
    return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
  }

  private static IllegalStateException invalid(String message) {
    return new IllegalStateException("breachflow.login-throttle: " + message);
  }
}
