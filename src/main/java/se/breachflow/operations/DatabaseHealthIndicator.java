package se.breachflow.operations;

import java.sql.Timestamp;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.breachflow.shared.Times;

/**
 * The database in {@code /actuator/health} as component {@code db}, in place of Spring Boot's (which steps back
 * for a bean of this name): UP only if the database takes a write. Boot's check asks the connection whether it is
 * valid, which H2 answers yes for a database it has closed after a failed write (a full disk), and which a
 * database that reads but cannot write passes too. So the check updates one row and commits it through the
 * application's transaction manager, which on H2 syncs it to the disk (issue 16, point 8).
 *
 * <p>The endpoint is open to anyone, and a write (with its sync) is not free: a check less than
 * {@link #PROBE_INTERVAL} after the last one answers what that one found, and concurrent checks wait for one
 * probe. So the database sees at most one probe a second, however often the endpoint is called.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

  static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(DatabaseHealthIndicator.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private Health last;
  private long lastProbeNanos;

  DatabaseHealthIndicator(DataSource dataSource, PlatformTransactionManager transactionManager) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setQueryTimeout(10);
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setTimeout(10);
  }

  @Override
  public synchronized Health health() {
    long now = System.nanoTime();
    if (last == null || now - lastProbeNanos >= PROBE_INTERVAL.toNanos()) {
      last = probe();
      lastProbeNanos = System.nanoTime();
    }
    return last;
  }

  private Health probe() {
    try {
      Integer written = transaction.execute(status -> jdbc.update(
          "update health_probe set checked_at = ? where id = 1", Timestamp.from(Times.now())));
      if (written != null && written == 1) {
        return Health.up().build();
      }
      log.warn("The database does not take a write: row 1 of health_probe is missing");
      return Health.down().withDetail("error", "row 1 of health_probe is missing").build();
    } catch (RuntimeException e) {
      log.warn("The database does not take a write: {}", rootMessage(e), e);
      return Health.down(e).build();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
