package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.ConfidentialityLoss;
import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.Identifiability;
import se.breachflow.assessment.IntegrityLoss;
import se.breachflow.incident.Recipient;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.security.Mutations.Mutant;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.RawHttp;
import se.breachflow.support.RawHttp.Call;
import se.breachflow.support.Reports;

/**
 * Issue 16's fuzz: valid bodies, mutated from a fixed seed (fields dropped and duplicated, values of the
 * wrong JSON type, nulls, huge strings, unicode, deep nesting, extreme numbers and dates, text that is not
 * JSON, wrong content types and Accept headers), sent over real HTTP. The project's API answers every one
 * below 500, and every 4xx as {@code application/problem+json}; a rejected report stores nothing. Engine REST
 * (process start and the assessment task) answers every one below 500, in its own error shape.
 *
 * <p>The same seed gives the same bodies (the clock is fixed, so "valid" times are the same too): a failure
 * lists the mutations that caused it and can be replayed.
 */
@BreachflowTest
class FuzzTest {

  static final long SEED = 0x16_2026L;
  static final int API_BODIES = 1_000;
  static final int ENGINE_BODIES = 200;
  static final String START = "/engine-rest/process-definition/key/" + BpmnIds.PROCESS;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IncidentDriver driver;
  @Autowired TaskService tasks;
  private final ObjectMapper json = new ObjectMapper();
  private RawHttp http;

  record Outcome(Mutant mutant, int status, String contentType, String body) {
    @Override
    public String toString() {
      String shown = body == null ? "" : body.replaceAll("\\s+", " ");
      return status + " ← " + mutant + " → " + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown);
    }
  }

  @BeforeEach
  void setUp() {
    http = new RawHttp(port);
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void shouldAnswerEveryMutatedReportBelow500AndEveryRefusalAsAProblem() throws Exception {
    Map<String, String> valid = Mutations.fields(json.readTree(Reports.contractJson("ks")));
    assertThat(send(Call.of("POST", "/api/incidents").as("reporter").json(Reports.contractJson("ks"))).status())
        .as("the unmutated report").isEqualTo(201);
    Mutations mutations = new Mutations(SEED, names(Cause.class, BreachType.class, DataCategory.class,
        Recipient.class));
    long before = incidents();

    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < API_BODIES; i++) {
      outcomes.add(fuzz("/api/incidents", "reporter", mutations.mutate(valid)));
    }

    assertApiAnswers(outcomes);
    assertThat(incidents() - before).as("incidents stored: exactly one per 201")
        .isEqualTo(outcomes.stream().filter(o -> o.status() == 201).count());
    assertExercised(outcomes, 201);
  }

  @Test
  void shouldAnswerEveryMutatedAssessmentRequestBelow500AndEveryRefusalAsAProblem() throws Exception {
    String example = """
        { "breachTypes": ["CONFIDENTIALITY"], "cause": "MISDIRECTED_EMAIL", "dataCategories": ["IDENTITY", "CONTACT"],
          "dataSubjectCount": 24, "vulnerableSubjects": false, "publiclyAvailable": false, "identifiability": "MAXIMUM",
          "confidentialityLoss": "KNOWN_RECIPIENTS", "integrityLoss": "NONE", "availabilityLoss": "NONE",
          "maliciousIntent": false, "unintelligible": false, "recipientConfirmedDeletion": true }""";
    assertThat(send(Call.of("POST", "/api/assessments").as("dpo").json(example)).status())
        .as("the unmutated facts").isEqualTo(200);
    Mutations mutations = new Mutations(SEED + 1, names(Cause.class, BreachType.class, DataCategory.class,
        Identifiability.class, ConfidentialityLoss.class, IntegrityLoss.class, AvailabilityLoss.class));
    Map<String, String> valid = Mutations.fields(json.readTree(example));

    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < API_BODIES; i++) {
      outcomes.add(fuzz("/api/assessments", "dpo", mutations.mutate(valid)));
    }

    assertApiAnswers(outcomes);
    assertExercised(outcomes, 200);
  }

  /**
   * Process start over engine REST as Tasklist and other clients call it ({@code /start} and
   * {@code /submit-form}), as the reporter. Engine REST has its own error shape; only the status is checked.
   */
  @Test
  void shouldAnswerEveryMutatedProcessStartOverEngineRestBelow500() throws Exception {
    Map<String, String[]> valid = startVariables();
    for (String endpoint : List.of("/start", "/submit-form")) {
      Outcome unmutated = send(Call.of("POST", START + endpoint).as("reporter")
          .contentType("application/json").body(engineBody(valid)));
      assertThat(unmutated.status()).as("the unmutated start at " + endpoint + ": " + unmutated).isEqualTo(200);
    }
    Mutations mutations = new Mutations(SEED + 2, names(Cause.class, BreachType.class, DataCategory.class,
        Recipient.class));

    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < ENGINE_BODIES; i++) {
      String endpoint = i % 2 == 0 ? "/start" : "/submit-form";
      outcomes.add(fuzz(START + endpoint, "reporter", mutations.mutateVariables(valid)));
    }

    assertEngineAnswers("engine REST start", outcomes);
  }

  /**
   * The coordinator's *Bedöm incidenten* over engine REST ({@code /complete} and {@code /submit-form}) on an
   * open, claimed task; a completion that succeeds takes the next incident's task.
   */
  @Test
  void shouldAnswerEveryMutatedAssessmentTaskCompletionOverEngineRestBelow500() throws Exception {
    // The whole form, as Tasklist sends it: the report as shown, with the coordinator's risk factors.
    Map<String, String[]> valid = engineVariables(driver.submission(tasks.createTaskQuery().taskId(claimedTask())
        .singleResult(), Map.of("identifiability", "MAXIMUM", "confidentialityLoss", "KNOWN_RECIPIENTS",
            "integrityLoss", "NONE", "availabilityLoss", "NONE", "maliciousIntent", false, "unintelligible", false,
            "publiclyAvailable", false)));
    for (String endpoint : List.of("/complete", "/submit-form")) {
      Outcome unmutated = send(Call.of("POST", "/engine-rest/task/" + claimedTask() + endpoint).as("coordinator")
          .contentType("application/json").body(engineBody(valid)));
      assertThat(unmutated.status()).as("the unmutated completion at " + endpoint + ": " + unmutated).isEqualTo(204);
    }
    Mutations mutations = new Mutations(SEED + 3, names(Identifiability.class, ConfidentialityLoss.class,
        IntegrityLoss.class, AvailabilityLoss.class, BreachType.class, DataCategory.class, Cause.class));

    List<Outcome> outcomes = new ArrayList<>();
    String task = null;
    for (int i = 0; i < ENGINE_BODIES; i++) {
      if (task == null) {
        task = claimedTask();
      }
      String endpoint = i % 2 == 0 ? "/complete" : "/submit-form";
      Outcome outcome = fuzz("/engine-rest/task/" + task + endpoint, "coordinator", mutations.mutateVariables(valid));
      outcomes.add(outcome);
      if (outcome.status() < 300) {
        task = null;
      }
    }

    assertEngineAnswers("engine REST task completion", outcomes);
  }

  // --- helpers ----------------------------------------------------------------------------------------

  /** The start form's report as engine REST typed values (checklists as Json, as Tasklist submits them). */
  private static Map<String, String[]> startVariables() {
    return engineVariables(Reports.misdirectedEmail());
  }

  /** Form values as engine REST typed values: [the value as JSON, the type]. */
  private static Map<String, String[]> engineVariables(Map<String, Object> values) {
    Map<String, String[]> variables = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    values.forEach((name, typedOrPlain) -> {
      Object value = typedOrPlain instanceof TypedValue typed && !(typed instanceof JsonValue) ? typed.getValue()
          : typedOrPlain;
      String type = value == null ? "Null" : value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
          : value instanceof String ? "String" : "Json";
      String raw;
      try {
        raw = value instanceof JsonValue spin ? Mutations.quote(spin.getValueSerialized())
            : json.writeValueAsString(value);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      variables.put(name, new String[] {raw, type});
    });
    return variables;
  }

  /** The unmutated body of engine REST for the variables. */
  private static byte[] engineBody(Map<String, String[]> variables) {
    String members = variables.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":{\"value\":" + e.getValue()[0] + ",\"type\":\"" + e.getValue()[1] + "\"}")
        .collect(Collectors.joining(","));
    return ("{\"variables\":{" + members + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The Bedöm incidenten task of a new incident, claimed by the coordinator over engine REST. */
  private String claimedTask() {
    ProcessInstance instance = driver.report();
    Task task = driver.task(instance, BpmnIds.ASSESS);
    HttpResponse<String> claim = http.send(Call.of("POST", "/engine-rest/task/" + task.getId() + "/claim")
        .as("coordinator").json("{\"userId\": \"coordinator\"}"));
    assertThat(claim.statusCode()).as("claim " + claim.body()).isEqualTo(204);
    return task.getId();
  }

  private static Call request(String method, String path, String user, Mutant mutant) {
    Call call = Call.of(method, path).as(user).contentType(mutant.contentType()).accept(mutant.accept())
        .body(mutant.body());
    return mutant.chunked() ? call.chunked() : call;
  }

  private Outcome send(Call call) {
    return send(call, new Mutant("unmutated " + call, call.body(), call.contentType(), call.accept(), false));
  }

  private Outcome send(Call call, Mutant mutant) {
    HttpResponse<String> response = http.send(call);
    return new Outcome(mutant, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
        response.body());
  }

  private Outcome fuzz(String path, String user, Mutant mutant) {
    return send(request("POST", path, user, mutant), mutant);
  }

  private void assertApiAnswers(List<Outcome> outcomes) {
    List<Outcome> wrong = outcomes.stream().filter(o -> o.status() >= 500 || (o.status() >= 400 && !isProblem(o)))
        .toList();
    assertThat(wrong).as(summary(outcomes) + "\nAnswers that are a 5xx or a 4xx that is not a problem:\n"
        + wrong.stream().limit(40).map(Outcome::toString).collect(Collectors.joining("\n"))).isEmpty();
  }

  private static void assertEngineAnswers(String what, List<Outcome> outcomes) {
    List<Outcome> failed = outcomes.stream().filter(o -> o.status() >= 500).toList();
    String report = summary(outcomes) + "\n" + what + ": " + failed.size() + " × 5xx, by the engine's message:\n"
        + byMessage(failed) + "\nby the mutation's kind:\n" + byKind(failed) + "\nFirst of them:\n"
        + failed.stream().limit(25).map(Outcome::toString).collect(Collectors.joining("\n"));
    System.out.println("[FuzzTest] " + report);
    assertThat(failed).as(report).isEmpty();
    assertThat(outcomes).as("some mutated bodies are valid, some not: " + summary(outcomes))
        .anyMatch(o -> o.status() < 300).anyMatch(o -> o.status() >= 400);
  }

  /** The fuzz reached both sides: some mutations are accepted, and the refusals are of several kinds. */
  private static void assertExercised(List<Outcome> outcomes, int success) {
    assertThat(outcomes).as(summary(outcomes)).anyMatch(o -> o.status() == success)
        .anyMatch(o -> o.status() == 400).anyMatch(o -> o.status() == 415);
  }

  private boolean isProblem(Outcome outcome) {
    if (outcome.contentType() == null || !outcome.contentType().startsWith("application/problem+json")) {
      return false;
    }
    try {
      JsonNode problem = json.readTree(outcome.body());
      return problem.path("status").asInt() == outcome.status() && !problem.path("detail").asText().isBlank()
          && !problem.path("title").asText().isBlank();
    } catch (Exception notJson) {
      return false;
    }
  }

  private static String summary(List<Outcome> outcomes) {
    return outcomes.size() + " bodies, answers by status: " + outcomes.stream()
        .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
  }

  /** Engine REST's {@code message}, without ids and values, counted, most frequent first. */
  private static String byMessage(List<Outcome> failed) {
    ObjectMapper json = new ObjectMapper();
    Map<String, Long> messages = failed.stream().map(o -> {
      try {
        String message = json.readTree(o.body()).path("message").asText(o.body());
        String general = message.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>").replaceAll(":\\d+:", ":<n>:")
            .replaceAll("'[^']*'", "'…'");
        return general.length() > 160 ? general.substring(0, 160) + "…" : general;
      } catch (Exception notJson) {
        return "(not JSON) " + o.contentType();
      }
    }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return messages.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> "  " + e.getValue() + " × " + e.getKey()).collect(Collectors.joining("\n"));
  }

  /** "set breachTypes = [1]" → "set breachTypes"; counted, most frequent first. */
  private static String byKind(List<Outcome> failed) {
    Map<String, Long> kinds = failed.stream()
        .flatMap(o -> Arrays.stream(o.mutant().description().split("; ")))
        .map(change -> change.replaceAll(" = .*| at \\d+$", ""))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return kinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> "  " + e.getValue() + " × " + e.getKey()).collect(Collectors.joining("\n"));
  }

  private long incidents() {
    Long count = jdbc.queryForObject("select count(*) from incident", Long.class);
    return count == null ? 0 : count;
  }

  @SafeVarargs
  private static List<String> names(Class<? extends Enum<?>>... types) {
    return Stream.of(types).flatMap(type -> Arrays.stream(type.getEnumConstants())).map(Enum::name).toList();
  }
}
