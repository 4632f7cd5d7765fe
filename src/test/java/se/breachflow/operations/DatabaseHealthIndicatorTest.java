package se.breachflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The db health component writes to find out, and writes at most once per interval however often it is asked
 * ({@code /actuator/health} is open to anyone). The full disk itself: FullDiskTest.
 */
class DatabaseHealthIndicatorTest {

  private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
      "jdbc:h2:mem:health-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
  private final DatabaseHealthIndicator health = new DatabaseHealthIndicator(dataSource, new JdbcTransactionManager(dataSource));

  @AfterEach
  void drop() {
    jdbc.execute("shutdown");
  }

  @Test
  void shouldWriteOncePerIntervalHoweverOftenAsked() throws Exception {
    jdbc.execute("create table health_probe (id int primary key, checked_at timestamp with time zone)");
    jdbc.execute("insert into health_probe (id) values (1)");

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    Timestamp first = checkedAt();
    assertThat(first).as("the check wrote").isNotNull();
    Thread.sleep(10);
    IntStream.range(0, 50).forEach(i -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
    assertThat(checkedAt()).as("no further write within the interval").isEqualTo(first);

    Thread.sleep(DatabaseHealthIndicator.PROBE_INTERVAL.toMillis() + 100);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(checkedAt()).as("the next interval writes again").isAfter(first);
  }

  @Test
  void shouldBeDownWhenTheWriteFails() {
    // No probe table: the update fails as a write to a full or read-only database does.
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void shouldBeDownWhenTheProbeRowIsMissing() {
    jdbc.execute("create table health_probe (id int primary key, checked_at timestamp with time zone)");
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }

  private Timestamp checkedAt() {
    return jdbc.queryForObject("select checked_at from health_probe where id = 1", Timestamp.class);
  }
}
