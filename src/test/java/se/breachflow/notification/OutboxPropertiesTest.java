package se.breachflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

  @Test
  void shouldDoubleTheWaitUpToTheMaximum() {
    OutboxProperties properties = new OutboxProperties("a@b.example", 8, Duration.ofMinutes(1),
        Duration.ofMinutes(10), Duration.ofMinutes(5), 50);

    assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(properties.backoffAfter(60)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldMaskAddressesInTheErrorAdministratorsSee() {
    Exception error = new IllegalStateException("550 5.1.1 <anna.andersson@example.org>: user unknown",
        new RuntimeException("rcpt kalle@exempelkommun.example refused"));

    assertThat(OutboxWorker.describe(error))
        .isEqualTo("IllegalStateException: 550 5.1.1 <<adress>>: user unknown <- RuntimeException: rcpt <adress> refused");
  }
}
