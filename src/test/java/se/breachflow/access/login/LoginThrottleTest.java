package se.breachflow.access.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The throttle's policy on its own clock: growth, cap, reset, forgetting, bounded memory. */
class LoginThrottleTest {

  private static final String CLIENT = "203.0.113.9";

  private Instant now = Instant.parse("2026-11-20T11:00:00Z");
  private final LoginThrottleSettings settings =
      new LoginThrottleSettings(3, Duration.ofSeconds(5), 2, Duration.ofMinutes(15), Duration.ofHours(24), 100);
  private final LoginThrottle throttle = new LoginThrottle(settings, () -> now);

  @Test
  void theDelayGrowsFromTheFourthWrongPasswordAndStopsAtTheCap() {
    assertThat(settings.delayAfter(3)).isZero();
    assertThat(settings.delayAfter(4)).hasSeconds(5);
    assertThat(settings.delayAfter(5)).hasSeconds(10);
    assertThat(settings.delayAfter(11)).hasSeconds(640);
    assertThat(settings.delayAfter(12)).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aPairWaitsAfterItsWrongPasswordsAndNobodyElseDoes() {
    for (int i = 0; i < 4; i++) {
      assertThat(fail("dpo")).isTrue();
    }
    assertThat(throttle.remainingDelay("dpo", CLIENT)).hasValue(Duration.ofSeconds(5));
    assertThat(throttle.begin("dpo", CLIENT).allowed()).isFalse();
    assertThat(throttle.remainingDelay("Dpo ", CLIENT)).as("the same account").isPresent();
    assertThat(throttle.remainingDelay("dpo", "198.51.100.1")).isEmpty();
    assertThat(throttle.remainingDelay("coordinator", CLIENT)).isEmpty();
    assertThat(throttle.delayed()).singleElement().satisfies(delayed -> {
      assertThat(delayed.user()).isEqualTo("dpo");
      assertThat(delayed.failures()).isEqualTo(4);
      assertThat(delayed.delayedUntil()).isEqualTo(now.plusSeconds(5));
    });

    now = now.plusSeconds(5);
    assertThat(throttle.begin("dpo", CLIENT).allowed()).as("after the delay").isTrue();
    throttle.succeeded("dpo", CLIENT);
    assertThat(throttle.delayed()).isEmpty();
  }

  @Test
  void aPairIsForgottenAfterADayWithoutWrongPasswords() {
    for (int i = 0; i < 10; i++) {
      fail("dpo");
      now = now.plus(Duration.ofMinutes(15));
    }
    now = now.plus(Duration.ofHours(24));
    for (int i = 0; i < 3; i++) {
      fail("dpo");
    }
    assertThat(throttle.remainingDelay("dpo", CLIENT)).as("three free failures again").isEmpty();
  }

  @Test
  void aCheckThatCouldNotBeMadeDoesNotCount() {
    for (int i = 0; i < 3; i++) {
      fail("dpo");
    }
    assertThat(throttle.begin("dpo", CLIENT).allowed()).isTrue();
    throttle.abandoned("dpo", CLIENT); // e.g. the directory did not answer
    assertThat(throttle.remainingDelay("dpo", CLIENT)).isEmpty();
  }

  @Test
  void memoryStaysBoundedAndTheWaitingAreForgottenLast() {
    for (int i = 0; i < 4; i++) {
      fail("dpo");
    }
    for (int i = 0; i < 500; i++) {
      fail("guess-" + i);
    }
    assertThat(throttle.remainingDelay("dpo", CLIENT)).as("still waits").isPresent();
  }

  @Test
  void anIpv6ClientIsItsNetwork() {
    assertThat(LoginClient.normalize("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginClient.normalize("[2001:DB8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginClient.normalize("2001:db8:1:2::/64")).isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginClient.normalize("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(LoginClient.normalize("203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(LoginClient.normalize("not-an-address")).isEqualTo("not-an-address");
  }

  @Test
  void badSettingsStopTheStart() {
    assertThatThrownBy(() -> new LoginThrottleSettings(3, Duration.ZERO, 2, Duration.ofMinutes(15),
        Duration.ofHours(24), 100)).hasMessageContaining("initial-delay");
    assertThatThrownBy(() -> new LoginThrottleSettings(3, Duration.ofSeconds(5), 2, Duration.ofMinutes(15),
        Duration.ofMinutes(5), 100)).hasMessageContaining("forget-after");
    assertThatThrownBy(() -> new LoginThrottleSettings(3, Duration.ofSeconds(5), 0.5, Duration.ofMinutes(15),
        Duration.ofHours(24), 100)).hasMessageContaining("multiplier");
  }

  @Test
  void rightPasswordsSentAtOnceAreAllChecked() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(clients.submit(() -> {
          boolean allowed = throttle.begin("integration", CLIENT).allowed();
          if (allowed) {
            Thread.sleep(50); // the check takes a while; the others come meanwhile
            throttle.succeeded("integration", CLIENT);
          }
          return allowed;
        }));
      }
      for (Future<Boolean> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(throttle.remainingDelay("integration", CLIENT)).isEmpty();
  }

  @Test
  void aBurstOfGuessesGetsNoMoreChecksThanGuessesOneAfterAnother() throws Exception {
    AtomicInteger checked = new AtomicInteger();
    ExecutorService attacker = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> guesses = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        guesses.add(attacker.submit(() -> {
          if (throttle.begin("dpo", CLIENT).allowed()) {
            checked.incrementAndGet();
            Thread.sleep(50);
            throttle.failed("dpo", CLIENT);
          }
          return null;
        }));
      }
      for (Future<?> guess : guesses) {
        guess.get(10, TimeUnit.SECONDS);
      }
    } finally {
      attacker.shutdownNow();
    }
    assertThat(checked).as("the free failures and the one that starts the delay").hasValue(4);
    assertThat(throttle.remainingDelay("dpo", CLIENT)).hasValue(Duration.ofSeconds(5));
  }

  /** One wrong password, as the interceptor records it; false if it was refused without a check. */
  private boolean fail(String user) {
    if (!throttle.begin(user, CLIENT).allowed()) {
      return false;
    }
    throttle.failed(user, CLIENT);
    return true;
  }
}
