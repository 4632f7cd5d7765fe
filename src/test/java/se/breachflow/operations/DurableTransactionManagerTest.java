package se.breachflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.breachflow.support.Postgres;

/**
 * What the durable transaction manager does on each kind of database: on H2 in a file a commit is in the file
 * when it returns (and synced); H2 in memory and PostgreSQL are left alone; a PostgreSQL server that would lose
 * commits is named in the log; an H2 user that cannot sync stops the start with the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableTransactionManagerTest {

  @TempDir Path dataDir;

  /**
   * The file as it is right after a commit, copied and opened as H2 would open it after {@code kill -9}: what
   * the durable manager committed is in it; what Spring's plain manager committed is not yet (H2 writes it
   * {@code WRITE_DELAY} later, here a minute so that it cannot happen during the test).
   */
  @Test
  void shouldHaveEveryCommitInTheFileWhenItReturnsOnH2() throws Exception {
    Path file = dataDir.resolve("db");
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
        "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=60000", "sa", "", true);
    try {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      jdbc.execute("create table report (id int primary key)");
      jdbc.execute("checkpoint");
      DurableTransactionManager durable = new DurableTransactionManager(dataSource);
      assertThat(durable.syncsCommits()).isTrue();

      new TransactionTemplate(new JdbcTransactionManager(dataSource))
          .executeWithoutResult(status -> jdbc.update("insert into report values (1)"));
      assertThat(reportsInACopyOf(file, "plain")).as("the plain manager's commit, still in memory").isEmpty();

      new TransactionTemplate(durable).executeWithoutResult(status -> jdbc.update("insert into report values (2)"));
      assertThat(reportsInACopyOf(file, "durable")).as("both commits, written by the durable manager's sync")
          .containsExactly(1, 2);
    } finally {
      dataSource.destroy();
    }
  }

  private List<Integer> reportsInACopyOf(Path file, String name) throws Exception {
    Path copy = dataDir.resolve(name);
    Files.copy(Path.of(file + ".mv.db"), Path.of(copy + ".mv.db"));
    SingleConnectionDataSource copied = new SingleConnectionDataSource("jdbc:h2:file:" + copy.toAbsolutePath(), "sa", "", true);
    try {
      return new JdbcTemplate(copied).queryForList("select id from report order by id", Integer.class);
    } finally {
      copied.destroy();
    }
  }

  @Test
  void shouldLeaveH2InMemoryAlone() {
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
        "jdbc:h2:mem:durable-test;DB_CLOSE_DELAY=-1", "sa", "", true);
    try {
      assertThat(new DurableTransactionManager(dataSource).syncsCommits()).isFalse();
    } finally {
      dataSource.destroy();
    }
  }

  @Test
  void shouldRefuseToStartWhenTheH2UserCannotSync() {
    String url = "jdbc:h2:file:" + dataDir.resolve("db").toAbsolutePath();
    JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    owner.execute("create user app password 'app'");
    owner.execute("create table t (id int)");
    owner.execute("grant select, insert on t to app");
    SingleConnectionDataSource asApp = new SingleConnectionDataSource(url, "app", "app", true);
    try {
      assertThatThrownBy(() -> new DurableTransactionManager(asApp))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("admin rights");
    } finally {
      asApp.destroy();
      owner.execute("shutdown");
    }
  }

  @Test
  void shouldLeavePostgresAloneAndWarnWhenItsServerWouldLoseCommits(CapturedOutput output) {
    Postgres postgres = Postgres.newDatabase();
    try {
      DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());
      assertThat(new DurableTransactionManager(dataSource).syncsCommits()).isFalse();
      assertThat(output.getOut()).doesNotContain("synchronous_commit = off");

      new JdbcTemplate(dataSource).execute("alter database " + postgres.url().substring(postgres.url().lastIndexOf('/') + 1)
          + " set synchronous_commit = off");
      new DurableTransactionManager(dataSource);
      assertThat(output.getOut()).contains("PostgreSQL runs with synchronous_commit = off");
    } finally {
      postgres.drop();
    }
  }
}
