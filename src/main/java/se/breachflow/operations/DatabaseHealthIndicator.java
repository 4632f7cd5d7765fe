package se.breachflow.operations;

import java.sql.Timestamp;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.breachflow.web.Times;

/**
 * The database in {@code /actuator/health} as component {@code db}, in place of Spring Boot's (which steps back
 * for a bean of this name): UP only if the database takes a write. Boot's check asks the connection whether it is
 * valid, which H2 answers yes for a database it has closed after a failed write (a full disk), and which a
 * database that can read but not write passes too. So each check updates one row and commits it through the
 * application's transaction manager, which on H2 syncs it to the disk (issue 16, point 8).
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator extends AbstractHealthIndicator {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  DatabaseHealthIndicator(DataSource dataSource, PlatformTransactionManager transactionManager) {
    super("The database does not take a write");
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setQueryTimeout(10);
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setTimeout(10);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Integer written = transaction.execute(status -> jdbc.update(
        "update health_probe set checked_at = ? where id = 1", Timestamp.from(Times.now())));
    if (written != null && written == 1) {
      builder.up();
    } else {
      builder.down().withDetail("error", "The row health_probe 1 is missing");
    }
  }
}
