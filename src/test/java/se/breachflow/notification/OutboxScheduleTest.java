package se.breachflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;

/**
 * The worker runs by itself when it is enabled (here without SMTP, so it logs what waits). Its context is closed
 * after the class: left in the cache, its worker would go on announcing the shared database's messages while
 * other tests count what is announced (OutboxApiTest).
 */
@BreachflowTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
    "breachflow.mail.worker.enabled=true",
    "breachflow.mail.worker.interval=PT0.2S",
    "breachflow.mail.worker.initial-delay=PT0S",
    // A context of its own: its engine must not take the name 'default' from the shared context (BreachflowTest).
    "camunda.bpm.generate-unique-process-engine-name=true"})
class OutboxScheduleTest {

  @Autowired IncidentDriver driver;
  @Autowired Outbox outbox;

  @Test
  void shouldRunTheWorkerOnItsSchedule(CapturedOutput output) throws InterruptedException {
    String number = driver.report().getBusinessKey();
    String expected = "INCIDENT_RECEIPT about " + number;

    for (int i = 0; i < 100 && !output.getAll().contains(expected); i++) {
      Thread.sleep(100);
    }
    assertThat(output.getAll()).contains(expected);
    assertThat(outbox.messagesFor(number)).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.PENDING));
  }
}
