package se.breachflow.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery of the outbox ({@code breachflow.mail}). The SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender address of every message
 * @param maxAttempts attempts before a message is given up as FAILED
 * @param initialBackoff the wait after the first failed attempt; it doubles with each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param claimTimeout how long a node owns a message it has claimed; after that another node may try it
 *     (longer than the SMTP timeouts)
 * @param batchSize messages handled per run of the worker
 */
@ConfigurationProperties(prefix = "breachflow.mail")
public record OutboxProperties(
    @DefaultValue("breachflow@localhost") String from,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT1M") Duration initialBackoff,
    @DefaultValue("PT1H") Duration maxBackoff,
    @DefaultValue("PT5M") Duration claimTimeout,
    @DefaultValue("50") int batchSize) {

  public OutboxProperties {
    if (maxAttempts < 1 || batchSize < 1) {
      throw new IllegalStateException("breachflow.mail.max-attempts and batch-size must be at least 1");
    }
  }

  /** The wait after the given number of failed attempts: initial, doubled each time, at most the maximum. */
  public Duration backoffAfter(int failedAttempts) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
