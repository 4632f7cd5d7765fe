package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.Calls;
import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.workflow.BpmnIds;

/**
 * The supplier incident's start form (process {@code supplier-incident}) over engine REST, as an attacker calls
 * it: only a supplier incident's fields, checked as {@code POST /api/supplier-incidents} checks them, by a
 * coordinator or DPO of every controller listed; no business key; nothing of what was sent becomes a variable of
 * the process; garbage in the controllers' list is a 400 naming it, never a 500; and a refused start starts
 * nothing — no supplier incident, no case.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class SupplierIncidentStartAttackTest {

  private static final String BY_KEY = "/engine-rest/process-definition/key/" + BpmnIds.SUPPLIER_PROCESS;
  private static final String NOW = "2026-11-30T12:00:00+01:00";

  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired IncidentRepository incidents;
  @Autowired JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();
  private Calls calls;

  @BeforeEach
  void setUp() {
    EngineClock.set(NOW);
    calls = new Calls(http);
    AccessUsers.create(identity, "coordinator-ks-only", Groups.STAFF, Groups.coordinators("ks"));
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/submit-form", "/start"})
  void theDpoRegistersASupplierIncidentWithACaseForEachControllerAndNothingBecomesAVariable(String endpoint)
      throws Exception {
    ResponseEntity<String> answer = calls.post("dpo", BY_KEY + endpoint, body(valid(), Map.of()));

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode instance = json.readTree(answer.getBody());
    String number = instance.get("businessKey").asText();
    assertThat(number).matches("LEV-2026-\\d{4}");
    JsonNode registered = json.readTree(calls.get("dpo", "/api/supplier-incidents/" + number).getBody());
    assertThat(registered.get("facts").get("processor").asText()).isEqualTo("Exempel HR AB");
    List<String> cases = new ArrayList<>();
    registered.get("cases").forEach(linked -> cases.add(linked.get("controllerId").asText() + " "
        + linked.get("authorityDeadline").asText()));
    assertThat(cases).as("each controller's own 72 hours")
        .containsExactlyInAnyOrder("ks 2026-12-03T07:00:00Z", "sn 2026-12-03T08:30:00Z");
    for (JsonNode linked : registered.get("cases")) {
      Incident incident = incidents.find(linked.get("number").asText()).orElseThrow();
      assertThat(incident.reporterId()).as("the logged-in user reported it").isEqualTo("dpo");
    }

    String id = instance.get("id").asText();
    HistoricProcessInstance started = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(started.getProcessDefinitionKey()).isEqualTo(BpmnIds.SUPPLIER_PROCESS);
    assertThat(started.getEndTime()).as("the instance ends at once").isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).count())
        .as("nothing sent is a variable of the process").isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(id).count())
        .as("nor in its history").isZero();
  }

  @Test
  void aFieldThatIsNoSupplierIncidentsIsRefusedAndNamed() {
    long before = registeredCount();
    for (String endpoint : new String[] {"/submit-form", "/start"}) {
      ResponseEntity<String> answer = calls.post("dpo", BY_KEY + endpoint,
          body(valid(), Map.of("reporterId", Map.of("value", "reporter"),
              "incidentNumber", Map.of("value", "PUI-2026-0001"))));
      assertThat(answer.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).as(endpoint).contains("(reporterId)").contains("(incidentNumber)");
    }
    assertThat(registeredCount()).as("nothing registered").isEqualTo(before);
  }

  @Test
  void theRegistrationDecidesTheBusinessKey() throws Exception {
    long before = registeredCount();
    Map<String, Object> start = json.readValue(body(valid(), Map.of()), Map.class);
    start.put("businessKey", "LEV-2026-0001");
    ResponseEntity<String> answer = calls.post("dpo", BY_KEY + "/start", json.writeValueAsString(start));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("(businessKey)");
    assertThat(registeredCount()).isEqualTo(before);
  }

  @Test
  void aControllerTheUserIsNotCoordinatorOrDpoOfIsForbidden() throws Exception {
    long before = registeredCount();
    ResponseEntity<String> both = calls.post("coordinator-ks-only", BY_KEY + "/submit-form", body(valid(), Map.of()));
    assertThat(both.getStatusCode()).as(both.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(both.getBody()).contains("Socialnämnden").doesNotContain("Exception:");
    assertThat(registeredCount()).as("neither case started").isEqualTo(before);

    Map<String, Object> ksOnly = valid();
    ksOnly.put("controllers", "[" + controller("ks", "2026-11-30T08:00+01:00", 1200) + "]");
    ResponseEntity<String> own = calls.post("coordinator-ks-only", BY_KEY + "/submit-form", body(ksOnly, Map.of()));
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(own.getBody()).get("businessKey").asText()).startsWith("LEV-");
  }

  /** The demo reporter is staff only: Tasklist does not offer the form, and engine REST refuses it. */
  @Test
  void staffWhoAreNoCoordinatorOrDpoCannotStartIt() {
    long before = registeredCount();
    ResponseEntity<String> byKey = calls.post("reporter", BY_KEY + "/submit-form", body(valid(), Map.of()));
    assertThat(byKey.getStatusCode().value()).as("the definition is not even found: %s", byKey.getBody())
        .isIn(403, 404);
    String id = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.SUPPLIER_PROCESS)
        .latestVersion().singleResult().getId();
    for (String endpoint : new String[] {"/submit-form", "/start"}) {
      ResponseEntity<String> byId = calls.post("reporter", "/engine-rest/process-definition/" + id + endpoint,
          body(valid(), Map.of()));
      assertThat(byId.getStatusCode()).as(endpoint + " " + byId.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(registeredCount()).isEqualTo(before);
  }

  /** Each way of sending the controllers wrongly: 400 naming them, nothing registered. */
  @Test
  void garbageInTheControllersIsA400NamingThem() throws Exception {
    long before = registeredCount();
    List<Map<String, Object>> garbage = List.of(
        Map.of("value", "inte json", "type", "String"),
        Map.of("value", "{\"controllerId\": \"ks\"}", "type", "Json"),
        Map.of("value", "[1, 2, null]", "type", "Json"),
        Map.of("value", "[[{\"controllerId\": \"ks\"}]]", "type", "Json"),
        Map.of("value", "[]", "type", "Json"),
        Map.of("value", 42, "type", "Integer"),
        Map.of("value", true, "type", "Boolean"),
        Map.of("value", "[\"ks\", \"sn\"]", "type", "Json"),
        Map.of("value", "[{\"controllerId\": {\"$ne\": 1}, \"notifiedAt\": [], \"dataSubjectCount\": \"många\"}]",
            "type", "Json"),
        Map.of("value", "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==",
            "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
                "serializationDataFormat", "application/x-java-serialized-object")));
    for (Map<String, Object> controllers : garbage) {
      Map<String, Object> variables = new LinkedHashMap<>(variables(valid()));
      variables.put("controllers", controllers);
      ResponseEntity<String> answer = calls.post("dpo", BY_KEY + "/submit-form",
          json.writeValueAsString(Map.of("variables", variables)));
      assertThat(answer.getStatusCode()).as(controllers + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).as(String.valueOf(controllers)).contains("(controllers").doesNotContain("Spin")
          .doesNotContain("at se.breachflow");
    }

    Map<String, String> wrongEntries = Map.of(
        controller("xx", "2026-11-30T08:00+01:00", 3), "(controllers[0].controllerId)",
        controller("ks", "2026-11-30T08:00+01:00", 0), "(controllers[0].dataSubjectCount)",
        controller("ks", "2026-12-24T08:00+01:00", 5), "(controllers[0].notifiedAt)");
    for (Map.Entry<String, String> entry : wrongEntries.entrySet()) {
      Map<String, Object> wrong = valid();
      wrong.put("controllers", "[" + entry.getKey() + "]");
      ResponseEntity<String> answer = calls.post("dpo", BY_KEY + "/submit-form", body(wrong, Map.of()));
      assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).contains(entry.getValue());
    }
    Map<String, Object> twice = valid();
    twice.put("controllers", "[" + controller("ks", "2026-11-30T08:00+01:00", 3) + ", "
        + controller("ks", "2026-11-30T09:00+01:00", 4) + "]");
    ResponseEntity<String> answer = calls.post("dpo", BY_KEY + "/submit-form", body(twice, Map.of()));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("(controllers[1].controllerId)");
    assertThat(registeredCount()).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------- bodies

  /** The contract as the start form sends it: the controllers as the dynamic list's Json. */
  private static Map<String, Object> valid() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("processor", "Exempel HR AB");
    values.put("processorOrganisationNumber", "556000-0000");
    values.put("description", "Intrång i lönesystemet hos leverantören.");
    values.put("systems", "Lönesystemet");
    values.put("cause", "HACKING");
    values.put("occurredAt", "2026-11-28T22:00+01:00");
    values.put("thirdCountry", false);
    values.put("breachTypes", List.of("CONFIDENTIALITY", "AVAILABILITY"));
    values.put("dataCategories", List.of("IDENTITY", "FINANCIAL"));
    values.put("controllers", "[" + controller("ks", "2026-11-30T08:00+01:00", 1200) + ", "
        + controller("sn", "2026-11-30T09:30+01:00", 300) + "]");
    return values;
  }

  private static String controller(String id, String notifiedAt, int count) {
    return "{\"controllerId\": \"" + id + "\", \"notifiedAt\": \"" + notifiedAt + "\", \"dataSubjectCount\": " + count
        + "}";
  }

  /** Engine REST's typed variables: lists (checklists, the dynamic list) as Json, as Tasklist sends them. */
  private Map<String, Object> variables(Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map.Entry<String, Object> value : values.entrySet()) {
      if (value.getValue() instanceof List<?> list) {
        variables.put(value.getKey(), Map.of("value", json.writeValueAsString(list), "type", "Json"));
      } else if (value.getKey().equals("controllers")) {
        variables.put(value.getKey(), Map.of("value", value.getValue(), "type", "Json"));
      } else {
        variables.put(value.getKey(), Map.of("value", value.getValue()));
      }
    }
    return variables;
  }

  private String body(Map<String, Object> values, Map<String, Object> more) {
    try {
      Map<String, Object> variables = variables(values);
      variables.putAll(more);
      return json.writeValueAsString(Map.of("variables", variables));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long registeredCount() {
    Long suppliers = jdbc.queryForObject("select count(*) from supplier_incident", Long.class);
    Long cases = jdbc.queryForObject("select count(*) from incident", Long.class);
    return suppliers * 1_000_000 + cases;
  }

}
