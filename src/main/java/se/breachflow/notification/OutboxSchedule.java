package se.breachflow.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox worker every {@code breachflow.mail.worker.interval} (ISO-8601 duration) on every node;
 * off with {@code breachflow.mail.worker.enabled=false} (the tests drive {@link OutboxWorker#deliverDue()}).
 */
@Configuration
@ConditionalOnProperty(name = "breachflow.mail.worker.enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

  private final OutboxWorker worker;

  OutboxSchedule(OutboxWorker worker) {
    this.worker = worker;
  }

  @Scheduled(fixedDelayString = "${breachflow.mail.worker.interval:PT30S}",
      initialDelayString = "${breachflow.mail.worker.initial-delay:PT10S}")
  void run() {
    worker.deliverDue();
  }
}
