package se.breachflow.access.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The throttle sits on the engine's password check, whichever identity provider answers it. Here a read-only
 * provider that checks passwords itself, as the LDAP plugin binds to the directory (the {@code ldap} profile):
 * while a (user, client) waits, the directory is not asked at all.
 */
class PasswordCheckThrottlingTest {

  private final AtomicInteger directoryChecks = new AtomicInteger();
  private Instant now = Instant.parse("2026-11-20T11:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottleSettings(3, Duration.ofSeconds(5), 2, Duration.ofMinutes(15), Duration.ofHours(24), 100),
      () -> now);
  private ProcessEngine engine;

  @BeforeEach
  void engineWithADirectory() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:password-check-throttling;DB_CLOSE_DELAY=1000");
    configuration.setProcessEngineName("password-check-throttling");
    configuration.setJobExecutorActivate(false);
    configuration.setIdentityProviderSessionFactory(new Directory());
    configuration.getProcessEnginePlugins().add(new PasswordCheckThrottling(throttle));
    engine = configuration.buildProcessEngine();
  }

  @AfterEach
  void close() {
    RequestContextHolder.resetRequestAttributes();
    engine.close();
  }

  @Test
  void theDirectoryIsNotAskedWhileTheClientWaits() {
    IdentityService identity = engine.getIdentityService();
    from("203.0.113.5");
    for (int i = 0; i < 4; i++) {
      assertThat(identity.checkPassword("dpo", "fel")).isFalse();
    }
    assertThat(directoryChecks).hasValue(4);
    assertThat(identity.checkPassword("dpo", "rätt")).as("waiting: refused unchecked").isFalse();
    assertThat(directoryChecks).hasValue(4);

    from("198.51.100.5");
    assertThat(identity.checkPassword("dpo", "rätt")).as("another client").isTrue();

    from("203.0.113.5");
    now = now.plusSeconds(5);
    assertThat(identity.checkPassword("dpo", "rätt")).as("after the delay").isTrue();
    assertThat(directoryChecks).hasValue(6);
  }

  private static void from(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(address);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  /** Read-only, like LdapIdentityProviderFactory; "rätt" is every user's password. */
  private final class Directory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return ReadOnlyIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new DbReadOnlyIdentityServiceProvider() {
        @Override
        public boolean checkPassword(String userId, String password) {
          directoryChecks.incrementAndGet();
          return "rätt".equals(password);
        }
      };
    }
  }
}
