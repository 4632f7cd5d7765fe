package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.RawHttp;
import se.breachflow.support.RawHttp.Call;
import se.breachflow.support.Reports;
import se.breachflow.support.TestLogin;

/**
 * Issue 16, point 6: the bad input that answered 500, and the errors of {@code /api} that were not
 * problem+json, replayed over real HTTP. Each must be refused with a 4xx {@code application/problem+json}
 * with a Swedish {@code detail} (naming the field where there is one), and nothing may be stored.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class BadInputAttackTest {

  /** The documented limit of the report's free texts (README, API). */
  static final int MAX_TEXT = 20_000;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  private final ObjectMapper json = new ObjectMapper();
  private RawHttp http;

  @BeforeEach
  void setUp() {
    http = new RawHttp(port);
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  // --- long texts -------------------------------------------------------------------------------------

  /**
   * Needs the integrator's change of issue 16 (form values no longer stored as engine String variables):
   * before it, the incident summary of the assessment task holds the description and a text over ~4,000
   * characters fails at commit (VARCHAR(4000)).
   */
  @Test
  void shouldStoreADescriptionOfTheDocumentedLength() throws Exception {
    String description = longText(MAX_TEXT);
    ObjectNode report = report();
    report.put("description", description);
    report.put("measuresTaken", longText(MAX_TEXT));

    HttpResponse<String> response = http.send(postIncident(report.toString()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String number = json.readTree(response.body()).get("number").asText();
    JsonNode stored = json.readTree(http.send(Call.of("GET", "/api/incidents/" + number).as("coordinator")).body());
    assertThat(stored.get("description").asText()).as("stored whole, without the space it ended with")
        .isEqualTo(description.strip()).hasSize(MAX_TEXT - 1);
  }

  @ParameterizedTest(name = "{0} one character too long")
  @ValueSource(strings = {"description", "measuresTaken"})
  void shouldRefuseATextOverTheLimitAndNameIt(String field) throws Exception {
    ObjectNode report = report();
    report.put(field, longText(MAX_TEXT + 1));

    assertRefusedAndNothingStored(postIncident(report.toString()), 400, field);
  }

  @Test
  void shouldRefuseAProcessorNameOverItsLimit() throws Exception {
    ObjectNode report = report();
    report.put("processor", "Biträdet AB " + "x".repeat(500));

    assertRefusedAndNothingStored(postIncident(report.toString()), 400, "processor");
  }

  // --- checklists -------------------------------------------------------------------------------------

  static Stream<Arguments> malformedChecklists() {
    return Stream.of("breachTypes", "dataCategories").flatMap(field -> Stream.of(
        "[1]", "[null]", "[{}]", "\"[\"", "[[\"CONFIDENTIALITY\"]]", "[true]", "\"[1,\"", "{\"a\":1}", "12",
        "\"[\\\"IDENTITY\\\", {}]\"").map(value -> Arguments.of(field, value)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("malformedChecklists")
  void shouldRefuseAMalformedChecklistAndNameIt(String field, String value) throws Exception {
    ObjectNode report = report();
    report.set(field, json.readTree(value));

    assertRefusedAndNothingStored(postIncident(report.toString()), 400, field);
  }

  // --- dates ------------------------------------------------------------------------------------------

  static Stream<Arguments> extremeTimes() {
    return Stream.of("occurredAt", "discoveredAt").flatMap(field -> Stream.of(
        "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01", "0000-01-01T00:00:00Z",
        "-0001-12-31T23:00:00+01:00", "1899-12-31T23:59:59Z", "2026-13-45T25:61:00Z", "9999999999",
        "2026-11-20T10:30:00+25:00").map(value -> Arguments.of(field, value)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("extremeTimes")
  void shouldRefuseAnImpossibleTimeAndNameIt(String field, String value) throws Exception {
    ObjectNode report = report();
    report.put(field, value);

    assertRefusedAndNothingStored(postIncident(report.toString()), 400, field);
  }

  @Test
  void shouldRefuseAnImpossibleTimeOfTheProcessorsNotice() throws Exception {
    ObjectNode report = report();
    report.put("processor", "Skolplattformen AB");
    report.put("processorNotifiedAt", "-999999999-01-01T00:00:00Z");

    assertRefusedAndNothingStored(postIncident(report.toString()), 400, "processorNotifiedAt");
  }

  static Stream<Arguments> extremePeriods() {
    return Stream.of("/api/incidents", "/api/statistics", "/api/register").flatMap(path -> Stream.of(
        Arguments.of(path, "from", "-999999999-01-01"), Arguments.of(path, "to", "-999999999-01-01"),
        Arguments.of(path, "from", "+999999999-12-31"), Arguments.of(path, "to", "+999999999-12-31"),
        Arguments.of(path, "to", "+10000-01-01"), Arguments.of(path, "from", "0000-01-01")));
  }

  @ParameterizedTest(name = "{0}?{1}={2}")
  @MethodSource("extremePeriods")
  void shouldRefuseAnImpossibleDateInASearchAndNameIt(String path, String parameter, String value) throws Exception {
    HttpResponse<String> response = http.send(Call.of("GET", path + "?" + parameter + "=" + value).as("dpo"));

    assertFieldNamed(assertProblem(response, 400), parameter);
  }

  @Test
  void shouldRefuseAParameterOfTheWrongTypeAndNameIt() throws Exception {
    assertFieldNamed(assertProblem(http.send(Call.of("GET", "/api/outbox?page=första").as("admin")), 400), "page");
    assertFieldNamed(assertProblem(http.send(Call.of("GET", "/api/outbox?size=1e9").as("admin")), 400), "size");
    assertFieldNamed(assertProblem(
        http.send(Call.of("POST", "/api/retention/runs?dryRun=kanske").as("admin")), 400), "dryRun");
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @CsvSource({
      "/api/incidents?page=2147483647&size=200, dpo,   200,",
      "/api/outbox?page=2147483647&size=200,    admin, 200,",
      "/api/incidents?page=-1,                  dpo,   400, page",
      "/api/incidents?size=100000,              dpo,   400, size",
      "/api/incidents?page=99999999999,         dpo,   400, page",
      "/api/outbox?page=99999999999,            admin, 400, page",
      "/api/outbox?size=-5,                     admin, 400, size",
      "/api/incidents?status=DROP%20TABLE,      dpo,   400, status",
      "/api/incidents?mine=ja,                  dpo,   400, mine"})
  void shouldAnswerExtremePagesAndFiltersWithoutFailing(String path, String user, int status, String field)
      throws Exception {
    HttpResponse<String> response = http.send(Call.of("GET", path).as(user));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (field != null) {
      assertFieldNamed(assertProblem(response, status), field);
    }
  }

  @ParameterizedTest(name = "q = {0}")
  @ValueSource(strings = {"%5C", "abc%5C", "%25%5C%5C_", "%00", "a%00b", "%E2%80%AE", "%F0%9F%92%A5"})
  void shouldSearchForAnyTextWithoutFailing(String q) throws Exception {
    HttpResponse<String> response = http.send(Call.of("GET", "/api/incidents?q=" + q).as("dpo"));

    assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
    if (response.statusCode() == 400) {
      assertFieldNamed(assertProblem(response, 400), "q");
    }
  }

  // --- the error answers themselves --------------------------------------------------------------------

  static Stream<String> acceptHeaders() {
    return Stream.of(null, "*/*", "application/json", "text/html", "application/xml", "text/plain",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "nonsense");
  }

  @ParameterizedTest(name = "Accept: {0}")
  @MethodSource("acceptHeaders")
  void shouldAnswerAnUnknownPathWithAProblem(String accept) throws Exception {
    for (String path : List.of("/api/nothing-here", "/api/incidents/PUI-2026-0001/nothing", "/api/", "/api",
        "/api/incidents/x/documents/y/z", "/api/%2e%2e/api/nothing", "/api/incidents/%C3%A5%20%3Cscript%3E/x")) {
      // An encoded "..": Tomcat resolves it to /api/nothing; with single sign-on Spring Security refuses it first.
      assertProblem(http.send(Call.of("GET", path).as("reporter").accept(accept)),
          TestLogin.firewallRefuses(path) ? 400 : 404);
    }
  }

  /** Paths Tomcat refuses before the application sees them (encoded slash, NUL): its answer is a problem too. */
  @ParameterizedTest(name = "Accept: {0}")
  @MethodSource("acceptHeaders")
  void shouldAnswerAPathTheServerRefusesWithAProblem(String accept) throws Exception {
    for (String path : List.of("/api/..%2F..%2Fetc%2Fpasswd", "/api/incidents%2FPUI-2026-0001", "/api/a%00b")) {
      assertProblem(http.send(Call.of("GET", path).as("reporter").accept(accept)), 400);
    }
  }

  @ParameterizedTest(name = "Accept: {0}")
  @MethodSource("acceptHeaders")
  void shouldAnswerAMethodThatIsNotSupportedWithAProblem(String accept) throws Exception {
    HttpResponse<String> delete = http.send(Call.of("DELETE", "/api/incidents").as("reporter").accept(accept));
    assertProblem(delete, 405);
    assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));

    assertProblem(http.send(Call.of("PUT", "/api/assessments").as("reporter").accept(accept)
        .json("{}")), 405);
    assertProblem(http.send(Call.of("PATCH", "/api/incidents/PUI-2026-0001").as("reporter").accept(accept)
        .json("{}")), 405);
    assertProblem(http.send(Call.of("TRACE", "/api/incidents").as("reporter").accept(accept)), 405);
    assertProblem(http.send(Call.of("BREW", "/api/incidents").as("reporter").accept(accept)), 405);
  }

  static Stream<Arguments> wrongContentTypes() {
    return Stream.of("/api/incidents", "/api/assessments").flatMap(path -> Stream.of(
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/octet-stream", "text/json", "application/json-patch+json", "nonsense", null)
        .map(type -> Arguments.of(path, type)));
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("wrongContentTypes")
  void shouldAnswerAContentTypeThatIsNotJsonWithAProblem(String path, String contentType) throws Exception {
    Call call = Call.of("POST", path).as("reporter").contentType(contentType).body(Reports.contractJson("ks"));
    for (String accept : new String[] {null, "text/html", "application/xml"}) {
      assertRefusedAndNothingStored(call.accept(accept), 415, null);
    }
  }

  @Test
  void shouldAnswerAnUnacceptableFormatWithAProblem() throws Exception {
    for (String accept : List.of("application/xml", "text/html", "image/png", "text/csv")) {
      assertProblem(http.send(Call.of("GET", "/api/incidents").as("dpo").accept(accept)), 406);
      assertRefusedAndNothingStored(postIncident(Reports.contractJson("ks")).accept(accept), 406, null);
    }
  }

  @Test
  void shouldAnswerABodyOverTheLimitWithAProblem() throws Exception {
    ObjectNode report = report();
    report.put("description", "x".repeat(1_100_000));
    assertRefusedAndNothingStored(postIncident(report.toString()), 413, null);
    assertRefusedAndNothingStored(postIncident(report.toString()).chunked(), 413, null);
    assertRefusedAndNothingStored(Call.of("POST", "/api/assessments").as("dpo").json(report.toString()), 413,
        null);
  }

  /**
   * An endpoint that answers only JSON refuses a client that accepts no JSON with 406 before it reads the
   * body (so nothing is done that the client could not be told about); any other client gets the error itself.
   */
  @ParameterizedTest(name = "Accept: {0}")
  @MethodSource("acceptHeaders")
  void shouldAnswerBadInputWithAProblemWhateverTheClientAccepts(String accept) throws Exception {
    int expected = acceptsJson(accept) ? 400 : 406;
    assertRefusedAndNothingStored(postIncident("{\"description\": ").accept(accept), expected,
        expected == 400 ? "body" : null);
    ObjectNode report = report();
    report.put("cause", "SPILLED_COFFEE");
    assertRefusedAndNothingStored(postIncident(report.toString()).accept(accept), expected,
        expected == 400 ? "cause" : null);
    assertProblem(http.send(Call.of("POST", "/api/assessments").as("dpo").accept(accept).json("[]")), expected);
  }

  @ParameterizedTest(name = "Accept: {0}")
  @MethodSource("acceptHeaders")
  void shouldAnswerMissingCredentialsAndForbiddenCallsWithAProblem(String accept) throws Exception {
    assertRefusedAndNothingStored(Call.of("POST", "/api/incidents").accept(accept).json(Reports.contractJson("ks")),
        401, null);
    assertProblem(http.send(Call.of("GET", "/api/nothing-here").accept(accept)), 401);
    assertProblem(http.send(Call.of("GET", "/api/outbox").as("reporter").accept(accept)),
        acceptsJson(accept) ? 403 : 406);
    assertProblem(http.send(Call.of("GET", "/api/register?controller=ks").as("reporter").accept(accept)), 403);
  }

  // --- helpers ----------------------------------------------------------------------------------------

  static boolean acceptsJson(String accept) {
    return accept == null || accept.contains("*/*") || accept.contains("application/json");
  }

  /** A text of exactly the length, with line breaks and Swedish letters (which made the old limit lower). */
  static String longText(int length) {
    StringBuilder text = new StringBuilder(length);
    String line = "Uppgifter om elever på förskolan Ängen skickades till fel vårdnadshavare.\n";
    while (text.length() < length) {
      text.append(line);
    }
    text.setLength(length);
    return text.toString();
  }

  private ObjectNode report() throws Exception {
    return (ObjectNode) json.readTree(Reports.contractJson("ks"));
  }

  private static Call postIncident(String body) {
    return Call.of("POST", "/api/incidents").as("reporter").json(body);
  }

  private void assertRefusedAndNothingStored(Call call, int status, String field) throws Exception {
    long incidents = incidents();
    long instances = history.createHistoricProcessInstanceQuery().count();

    JsonNode problem = assertProblem(http.send(call), status);

    if (field != null) {
      assertFieldNamed(problem, field);
    }
    assertThat(incidents()).as("incidents after " + call).isEqualTo(incidents);
    assertThat(history.createHistoricProcessInstanceQuery().count()).as("process instances after " + call)
        .isEqualTo(instances);
  }

  private long incidents() {
    Long count = jdbc.queryForObject("select count(*) from incident", Long.class);
    return count == null ? 0 : count;
  }

  /** An RFC 9457 problem of the status, with a Swedish detail and no trace of the server's insides. */
  private JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
    String what = response.request().method() + " " + response.request().uri() + " → " + response.statusCode()
        + " " + response.body();
    assertThat(response.statusCode()).as(what).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(what)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(what).isNotBlank();
    assertThat(problem.path("detail").asText()).as(what).isNotBlank().satisfies(BadInputAttackTest::swedish);
    assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ", "trace", "org.springframework",
        "org.camunda", "se.breachflow");
    return problem;
  }

  /** Swedish, not one of Spring's English default details ("Failed to read request", "Not Found", ...). */
  static void swedish(String text) {
    assertThat(text).as("a Swedish text").containsPattern(
        "[åäöÅÄÖ]|\\b(och|eller|inte|ett|en|med|som|för|till|har|kan|finns|ange|skicka|logga)\\b");
    assertThat(text).as("a Swedish text").doesNotContainPattern(
        "(?i)\\b(failed|the|request|not found|supported|unexpected|invalid)\\b");
  }

  private static void assertFieldNamed(JsonNode problem, String field) {
    JsonNode errors = problem.get("errors");
    assertThat(errors).as("errors of " + problem).isNotNull();
    assertThat(errors.findValuesAsText("field")).as(problem.toString()).contains(field);
    errors.forEach(error -> swedish(error.path("reason").asText()));
  }
}
