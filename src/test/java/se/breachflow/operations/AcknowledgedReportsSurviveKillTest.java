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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.ChildApplication;
import se.breachflow.support.Postgres;
import se.breachflow.support.Reports;

/**
 * Issue 16, point 5: a report answered {@code 201} is never lost, and its number never given again. The
 * application runs in a JVM of its own; 8 clients post reports; the JVM is killed as by {@code kill -9}
 * (no shutdown, nothing flushed) while they do; after a restart on the same database every acknowledged number
 * is there with its running process instance, and the reports that follow get new numbers.
 *
 * <p>On H2 the child runs with the demo's default database URL ({@code ./data} in its working directory): this
 * tests the shipped setting, not one the test chose. A power cut cannot be tested here; README "Durability" says
 * what protects against it.
 */
class AcknowledgedReportsSurviveKillTest {

  private static final int CLIENTS = 8;
  /** Acknowledged reports before the kill: a few seconds of load. */
  private static final int ACKNOWLEDGED_BEFORE_KILL = 80;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path workingDirectory;

  @Test
  void shouldKeepEveryAcknowledgedReportOnH2AfterKill9() throws Exception {
    shouldKeepEveryAcknowledgedReportAfterKill9();
  }

  @Test
  void shouldKeepEveryAcknowledgedReportOnPostgresAfterKill9() throws Exception {
    Postgres postgres = Postgres.newDatabase();
    try {
      shouldKeepEveryAcknowledgedReportAfterKill9(
          "--spring.datasource.url=" + postgres.url(),
          "--spring.datasource.username=" + postgres.user(),
          "--spring.datasource.password=" + postgres.password());
    } finally {
      postgres.drop();
    }
  }

  private void shouldKeepEveryAcknowledgedReportAfterKill9(String... database) throws Exception {
    Set<String> acknowledged;
    try (ChildApplication first = ChildApplication.start(workingDirectory, database)) {
      acknowledged = postUntilKilled(first);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    try (ChildApplication second = ChildApplication.start(workingDirectory, database)) {
      List<String> missing = new ArrayList<>();
      for (String number : acknowledged) {
        HttpResponse<String> incident = get(second.uri("/api/incidents/" + number), "admin");
        HttpResponse<String> instances = get(second.uri("/engine-rest/process-instance?businessKey=" + number), "admin");
        JsonNode instanceList = json.readTree(instances.body());
        if (incident.statusCode() != 200 || !number.equals(json.readTree(incident.body()).path("number").asText())
            || instances.statusCode() != 200 || instanceList.size() != 1) {
          missing.add(number + " (incident " + incident.statusCode() + ", process instances " + instanceList.size() + ")");
        }
      }
      assertThat(missing).as("acknowledged reports lost by kill -9 (of %d acknowledged)", acknowledged.size())
          .isEmpty();

      // The reports after the restart get numbers that were never given before.
      List<String> after = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        HttpResponse<String> created = post(second.uri("/api/incidents"), Reports.contractJson("ks"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        after.add(json.readTree(created.body()).path("number").asText());
      }
      assertThat(after).doesNotHaveDuplicates().doesNotContainAnyElementsOf(acknowledged);

      JsonNode register = json.readTree(get(second.uri("/api/incidents?size=200"), "admin").body());
      List<String> registered = new ArrayList<>();
      register.path("incidents").forEach(incident -> registered.add(incident.path("number").asText()));
      assertThat(register.path("total").asInt()).isLessThanOrEqualTo(200);
      assertThat(registered).doesNotHaveDuplicates().containsAll(acknowledged).containsAll(after);
    }
  }

  /**
   * Eight clients post reports until {@value #ACKNOWLEDGED_BEFORE_KILL} are acknowledged; the application is then
   * killed while they go on. Returns the numbers of every report answered 201, also those answered just before
   * the kill. Any other answer fails the test: only the kill may stop a report.
   */
  private Set<String> postUntilKilled(ChildApplication app) throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<String> otherAnswers = new CopyOnWriteArrayList<>();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      clients.execute(() -> {
        while (true) {
          try {
            HttpResponse<String> created = post(app.uri("/api/incidents"), Reports.contractJson(acknowledged.size() % 2 == 0 ? "ks" : "sn"));
            if (created.statusCode() == 201) {
              acknowledged.add(json.readTree(created.body()).path("number").asText());
            } else {
              otherAnswers.add(created.statusCode() + " " + created.body());
            }
          } catch (IOException connectionLost) {
            if (killed.get()) {
              return;
            }
            otherAnswers.add(connectionLost.toString());
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
    while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && otherAnswers.isEmpty() && Instant.now().isBefore(giveUp)) {
      Thread.sleep(20);
    }
    killed.set(true);
    app.kill();
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stop after the kill").isTrue();
    assertThat(otherAnswers).as("answers other than 201 before the kill\n%s", app.logTail()).isEmpty();
    return acknowledged;
  }

  private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .header("Authorization", basic("reporter")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(URI uri, String user) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", basic(user))
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Demo users' password is their id. */
  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
