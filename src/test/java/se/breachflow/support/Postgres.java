package se.breachflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.breachflow.BreachflowApplication;

/**
 * The PostgreSQL server for integration tests: {@code BREACHFLOW_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://localhost:5432/breachflow_test}), user and password {@code BREACHFLOW_TEST_POSTGRES_USER}
 * / {@code _PASSWORD} (default breachflow/breachflow; the user needs CREATEDB). Each test gets a database
 * of its own. Without a server the tests are skipped, with a message saying so (.ci/run starts one).
 */
public final class Postgres {

  private static final String URL = env("BREACHFLOW_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/breachflow_test");
  private static final String USER = env("BREACHFLOW_TEST_POSTGRES_USER", "breachflow");
  private static final String PASSWORD = env("BREACHFLOW_TEST_POSTGRES_PASSWORD", "breachflow");

  private final String database = "breachflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private Postgres() {}

  /** A new, empty database, or the test is skipped (with a message) when no PostgreSQL server answers. */
  public static Postgres newDatabase() {
    Postgres postgres = new Postgres();
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + postgres.database);
    } catch (SQLException e) {
      String message = "PostgreSQL tests skipped: no server at " + URL + " for user " + USER + " (" + e.getMessage()
          + "). Start one as .ci/run does (pg_ctlcluster 15 main start).";
      System.out.println("WARNING: " + message);
      Assumptions.abort(message);
    }
    return postgres;
  }

  public String url() {
    return URL.substring(0, URL.lastIndexOf('/') + 1) + database;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /** Starts the application on this database as one node; the job executor as asked. */
  public ConfigurableApplicationContext startNode(boolean jobExecution, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=" + url(),
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD,
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=" + jobExecution,
        // Idle nodes look for due jobs at least every second (default: up to a minute).
        "--camunda.bpm.job-execution.max-wait=1000",
        // A node that stops leaves the jobs it had locked to the others once the lock expires (5 minutes by
        // default); 10 seconds lets a test see that happen.
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        "--camunda.bpm.generate-unique-process-engine-name=true"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(BreachflowApplication.class).run(args.toArray(String[]::new));
  }

  public void drop() {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
    } catch (SQLException e) {
      System.out.println("WARNING: could not drop test database " + database + ": " + e.getMessage());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
