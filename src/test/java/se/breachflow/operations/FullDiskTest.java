package se.breachflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.BreachflowApplication;
import se.breachflow.support.Reports;
import se.breachflow.support.SmallDisk;

/**
 * Issue 16, point 8: the H2 file on a real disk that fills up or turns read-only. H2 closes the database when a
 * write fails; {@code /actuator/health} must then say DOWN (not "db: UP" while every request fails), and when the
 * disk has room again the application works again without a restart, with every report it acknowledged. The disks
 * are real file systems mounted for the test (a 48 MB tmpfs; an ext4 image on a loop device), which needs root:
 * without it the tests are skipped with a message.
 */
@ExtendWith(OutputCaptureExtension.class)
class FullDiskTest {

  private static final Duration HEALTH_CHANGES_WITHIN = Duration.ofSeconds(30);

  @TempDir Path directory;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void shouldGoDownWhenTheDiskIsFullAndWorkAgainWhenItHasRoom() throws Exception {
    try (SmallDisk disk = SmallDisk.tmpfs(directory.resolve("disk"), 48);
        ConfigurableApplicationContext app = start(disk)) {
      URI base = base(app);
      List<String> acknowledged = new ArrayList<>();
      HttpResponse<String> before = report(base);
      assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
      acknowledged.add(number(before));

      disk.fill();
      assertThat(disk.usableSpace()).isZero();
      // H2 may still place a report in free space inside its file; the first that needs more fails.
      HttpResponse<String> refused = null;
      for (int i = 0; i < 30 && refused == null; i++) {
        HttpResponse<String> answer = report(base);
        if (answer.statusCode() == 201) {
          acknowledged.add(number(answer));
        } else {
          refused = answer;
        }
      }
      assertThat(refused).as("a report on a full disk").isNotNull();
      assertThat(refused.statusCode()).as(refused.body()).isGreaterThanOrEqualTo(500);
      assertHealth(base, 503, "DOWN");

      disk.free();
      assertHealth(base, 200, "UP");
      HttpResponse<String> after = report(base);
      assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
      acknowledged.add(number(after));
      assertThat(acknowledged).doesNotHaveDuplicates();
      for (String number : acknowledged) {
        assertThat(get(base.resolve("/api/incidents/" + number), "admin").statusCode()).as(number).isEqualTo(200);
      }
    }
  }

  @Test
  void shouldGoDownWhenTheFileSystemTurnsReadOnly(CapturedOutput output) throws Exception {
    try (SmallDisk disk = SmallDisk.ext4(directory.resolve("disk.img"), directory.resolve("disk"), 64);
        ConfigurableApplicationContext app = start(disk)) {
      URI base = base(app);
      assertThat(report(base).statusCode()).isEqualTo(201);

      disk.turnReadOnlyAsAfterADiskError();
      assertThat(disk.isReadOnly()).isTrue();
      HttpResponse<String> refused = report(base);
      assertThat(refused.statusCode()).as(refused.body()).isGreaterThanOrEqualTo(500);
      assertHealth(base, 503, "DOWN");
      // The operator's clear message: what failed, and why.
      assertThat(output.getOut()).contains("The database does not take a write").contains("Read-only file system");
    }
  }

  private ConfigurableApplicationContext start(SmallDisk disk) {
    return new SpringApplicationBuilder(BreachflowApplication.class).run(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:file:" + disk.path().resolve("breachflow") + ";LOCK_TIMEOUT=10000",
        "--spring.datasource.hikari.connection-timeout=5000",
        "--server.port=0",
        "--camunda.bpm.generate-unique-process-engine-name=true");
  }

  /** Polls until the health endpoint answers as expected, with component db as the whole. */
  private void assertHealth(URI base, int status, String state) throws Exception {
    Instant giveUp = Instant.now().plus(HEALTH_CHANGES_WITHIN);
    HttpResponse<String> health;
    do {
      health = get(base.resolve("/actuator/health"), null);
      JsonNode body = json.readTree(health.body());
      if (health.statusCode() == status && body.path("status").asText().equals(state)
          && body.at("/components/db/status").asText().equals(state)) {
        return;
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(giveUp));
    assertThat(health.statusCode() + " " + health.body()).as("health within %s", HEALTH_CHANGES_WITHIN)
        .startsWith(status + " ").contains("\"db\":{\"status\":\"" + state + "\"");
  }

  private static URI base(ConfigurableApplicationContext app) {
    return URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
  }

  private String number(HttpResponse<String> created) throws IOException {
    return json.readTree(created.body()).path("number").asText();
  }

  private HttpResponse<String> report(URI base) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve("/api/incidents")).timeout(Duration.ofSeconds(60))
        .header("Authorization", basic("reporter")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Reports.contractJson("ks"), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(URI uri, String user) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Demo users' password is their id. */
  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
