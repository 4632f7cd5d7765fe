package se.breachflow.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.breachflow.BreachflowApplication;

/**
 * The application in a JVM of its own, started from the test's class path in a working directory of the test's
 * choosing (so the demo's {@code ./data} lands there), so that a test can kill it as {@code kill -9} does and
 * start it again. Its output goes to {@code application-<n>.log} in the working directory.
 */
public final class ChildApplication implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

  private final Process process;
  private final URI base;
  private final Path log;

  private ChildApplication(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * Starts the application (demo profile unless the arguments name the profiles, job executor on, a free port) in
   * {@code workingDirectory} with the further arguments given, and waits until {@code /actuator/health} answers 200. The environment's
   * {@code BREACHFLOW_DB_*} and {@code PORT} are not passed on: the child uses the defaults unless told otherwise.
   */
  public static ChildApplication start(Path workingDirectory, String... arguments) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.timezone=UTC", "-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-cp", testClassPath(),
        BreachflowApplication.class.getName()));
    if (List.of(arguments).stream().noneMatch(argument -> argument.startsWith("--spring.profiles.active="))) {
      command.add("--spring.profiles.active=demo");
    }
    command.addAll(List.of("--server.port=" + port, "--camunda.bpm.job-execution.enabled=true"));
    command.addAll(List.of(arguments));
    Path log = nextLog(workingDirectory);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("BREACHFLOW_DB_") || name.startsWith("SPRING_DATASOURCE_")
        || name.equals("PORT") || name.equals("SPRING_PROFILES_ACTIVE"));
    ChildApplication child = new ChildApplication(builder.start(), URI.create("http://localhost:" + port), log);
    child.awaitHealthy();
    return child;
  }

  public URI base() {
    return base;
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  public Path log() {
    return log;
  }

  /** Kills the JVM at once, as {@code kill -9}: no shutdown hook, no H2 close, nothing flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The last lines of the child's output, for a failure message. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant giveUp = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(giveUp)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    kill();
    throw new IllegalStateException("The application did not become healthy within " + START_TIMEOUT + ":\n" + logTail());
  }

  /**
   * Surefire starts tests from a manifest-only jar and puts the real class path into {@code java.class.path}
   * (the jar itself is {@code surefire.real.class.path}); an IDE starts them with the real one.
   */
  private static String testClassPath() {
    String classPath = System.getProperty("java.class.path");
    String surefire = System.getProperty("surefire.test.class.path");
    if (surefire != null && !surefire.isBlank() && classPath.split(File.pathSeparator).length <= 1) {
      return surefire;
    }
    return classPath;
  }

  private static Path nextLog(Path directory) {
    for (int n = 1; ; n++) {
      Path candidate = directory.resolve("application-" + n + ".log");
      if (!Files.exists(candidate)) {
        return candidate;
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
