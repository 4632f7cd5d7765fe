package se.breachflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.BreachflowApplication;

/** Health, info and metrics: UP with SMTP marked when only SMTP is down; DOWN when the database is gone. */
class HealthTest {

  @TempDir Path dataDir;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldStayUpWithoutSmtpAndGoDownWithoutTheDatabase() throws Exception {
    String file = dataDir.resolve("breachflow").toAbsolutePath().toString();
    try (Connection create = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
      // The database exists before the application starts; IFEXISTS below stops H2 from re-creating it.
    }
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BreachflowApplication.class).run(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:file:" + file + ";IFEXISTS=TRUE",
        "--spring.datasource.hikari.connection-timeout=2000",
        "--server.port=0",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + closedPort(),
        "--spring.mail.properties.mail.smtp.connectiontimeout=1000",
        "--camunda.bpm.generate-unique-process-engine-name=true")) {
      TestRestTemplate http = new TestRestTemplate();
      String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();

      ResponseEntity<String> up = http.getForEntity(base + "/actuator/health", String.class);
      assertThat(up.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode health = json.readTree(up.getBody());
      assertThat(health.get("status").asText()).isEqualTo("UP");
      assertThat(health.at("/components/smtp/status").asText()).isEqualTo("UNKNOWN");
      assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
      assertThat(health.at("/components/processEngine/status").asText()).isEqualTo("UP");
      assertThat(health.at("/components/jobExecutor/status").asText()).isEqualTo("UP");

      JsonNode info = json.readTree(http.getForEntity(base + "/actuator/info", String.class).getBody());
      assertThat(info.at("/build/version").asText()).isNotBlank();

      assertThat(http.getForEntity(base + "/actuator/prometheus", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      ResponseEntity<String> metrics = http.withBasicAuth("admin", "admin")
          .getForEntity(base + "/actuator/prometheus", String.class);
      assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(metrics.getBody()).contains("breachflow_incidents_open", "breachflow_incidents_near_deadline",
          "breachflow_outbox_backlog", "breachflow_jobs_failed");

      // The database goes away: its files first, then the open database, so that nothing (the job executor, the
      // outbox) can open it again from the files between the two (IFEXISTS finds none). Deleted files stay
      // usable to the open database until it shuts down.
      try (Stream<Path> files = Files.list(dataDir)) {
        for (Path path : files.toList()) {
          Files.delete(path);
        }
      }
      app.getBean(JdbcTemplate.class).execute("SHUTDOWN");
      // The db component probes the database at most once a second (DatabaseHealthIndicator).
      Thread.sleep(DatabaseHealthIndicator.PROBE_INTERVAL.toMillis() + 100);
      ResponseEntity<String> down = http.getForEntity(base + "/actuator/health", String.class);
      assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      JsonNode downHealth = json.readTree(down.getBody());
      assertThat(downHealth.get("status").asText()).isEqualTo("DOWN");
      assertThat(downHealth.at("/components/db/status").asText()).isEqualTo("DOWN");
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

}
