package se.breachflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.incident.AuditEntry;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.shared.Times;
import se.breachflow.workflow.BpmnIds;

/**
 * A breach at a supplier that reached several controllers (issue 19), through the API on the real engine: one
 * case per controller with its own clock and decision, corrections before and after a case's notification, a
 * controller added later, and who may see what.
 */
@BreachflowTest
class SupplierIncidentTest {

  static final String KS_COORDINATOR = "supplier-ks-coordinator";
  static final String SN_COORDINATOR = "supplier-sn-coordinator";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentDriver driver;
  @Autowired SupplierIncidents suppliers;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private Instant now;

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-12-01T10:00:00+01:00");
    now = Times.now().truncatedTo(ChronoUnit.SECONDS);
    AccessUsers.create(identity, KS_COORDINATOR, Groups.STAFF, Groups.coordinators("ks"));
    AccessUsers.create(identity, SN_COORDINATOR, Groups.STAFF, Groups.coordinators("sn"));
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void eachControllerGetsItsOwnCaseWithItsOwnDeadlineAndDecision() throws Exception {
    String day = now.atZone(Times.STOCKHOLM).toLocalDate().toString();
    JsonNode before = json.readTree(get("dpo", "/api/statistics?from=" + day + "&to=" + day).getBody());
    Instant ksTold = now.minus(Duration.ofHours(26));
    Instant snTold = now.minus(Duration.ofHours(24).plusMinutes(30));
    ResponseEntity<String> response = post("dpo", "/api/supplier-incidents", registration(
        Map.of("controllerId", "ks", "notifiedAt", ksTold.toString(), "dataSubjectCount", 1200),
        Map.of("controllerId", "sn", "notifiedAt", snTold.toString(), "dataSubjectCount", 300)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    String number = body.get("number").asText();
    assertThat(number).matches("LEV-\\d{4}-\\d{4}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/supplier-incidents/" + number);
    JsonNode created = body.get("incidents");
    assertThat(created).hasSize(2);
    String ks = created.get(0).get("number").asText();
    String sn = created.get(1).get("number").asText();
    assertThat(ks).matches("PUI-\\d{4}-\\d{4}").isNotEqualTo(sn);
    assertThat(created.get(0).get("controllerId").asText()).isEqualTo("ks");
    assertThat(Instant.parse(created.get(0).get("authorityDeadline").asText())).isEqualTo(ksTold.plus(Duration.ofHours(72)));
    assertThat(Instant.parse(created.get(1).get("authorityDeadline").asText())).isEqualTo(snTold.plus(Duration.ofHours(72)));

    Incident ksCase = incidents.find(ks).orElseThrow();
    assertThat(ksCase.supplierIncident()).isEqualTo(number);
    assertThat(ksCase.reporterId()).as("the login registered it").isEqualTo("dpo");
    assertThat(ksCase.report().processor()).isEqualTo("Exempel HR AB");
    assertThat(ksCase.report().processorNotifiedAt()).isEqualTo(ksTold);
    assertThat(ksCase.report().dataSubjectCount()).isEqualTo(1200);
    assertThat(ksCase.report().thirdCountry()).isTrue();
    assertThat(incidents.find(sn).orElseThrow().report().dataSubjectCount()).isEqualTo(300);
    assertThat(json.readTree(get("dpo", "/api/incidents/" + ks).getBody()).get("supplierIncident").asText())
        .isEqualTo(number);

    // Each controller assesses and decides for itself: ks notifies IMY, sn decides not to.
    ProcessInstance ksInstance = instance(ks);
    ProcessInstance snInstance = instance(sn);
    driver.assess(ksInstance, "UNKNOWN_RECIPIENTS");
    driver.decide(ksInstance, true, false, "Lönesystemet: risk för identitetsstöld.");
    driver.notifyImy(ksInstance, now.toString(), "COMPLETE");
    driver.assess(snInstance, "NONE");
    driver.decide(snInstance, false, false, "Inga uppgifter om socialtjänstens klienter nåddes.");

    JsonNode view = json.readTree(get("dpo", "/api/supplier-incidents/" + number).getBody());
    assertThat(view.get("facts").get("processor").asText()).isEqualTo("Exempel HR AB");
    assertThat(view.get("facts").get("processorOrganisationNumber").asText()).isEqualTo("556000-0000");
    JsonNode cases = view.get("cases");
    assertThat(cases).hasSize(2);
    assertThat(cases.get(0).get("number").asText()).isEqualTo(ks);
    assertThat(cases.get(0).get("controllerName").asText()).isEqualTo("Kommunstyrelsen");
    assertThat(cases.get(0).get("notifyImy").asBoolean()).isTrue();
    assertThat(cases.get(0).get("imyCaseNumber").asText()).isEqualTo("IMY-2026-1234");
    assertThat(cases.get(1).get("number").asText()).isEqualTo(sn);
    assertThat(cases.get(1).get("notifyImy").asBoolean()).isFalse();
    assertThat(cases.get(1).has("imyCaseNumber")).isFalse();
    assertThat(Instant.parse(cases.get(1).get("authorityDeadline").asText())).isEqualTo(snTold.plus(Duration.ofHours(72)));
    assertThat(view.get("hiddenCases").asInt()).isZero();

    // The register and the statistics know the cases belong together.
    JsonNode statistics = json.readTree(get("dpo", "/api/statistics?from=" + day + "&to=" + day).getBody());
    assertThat(statistics.get("supplierIncidents").asInt() - before.get("supplierIncidents").asInt()).isOne();
    assertThat(statistics.get("supplierIncidentCases").asInt() - before.get("supplierIncidentCases").asInt())
        .isEqualTo(2);
    String register = new String(http.withBasicAuth("dpo", "dpo").getForEntity(
        "/api/register?format=csv&controller=ks&from=" + now.minus(Duration.ofDays(3)).atZone(Times.STOCKHOLM)
            .toLocalDate() + "&to=" + day, byte[].class).getBody(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(register).contains("Leverantörsincident").contains(ks + ";Kommunstyrelsen;" + number)
        .contains("Överföring till tredje land");
  }

  @Test
  void aCorrectionReachesTheUnnotifiedCaseAndAsksTheNotifiedOneForASupplement() throws Exception {
    Registered registered = register(new Affected("ks", 5, 1200), new Affected("sn", 4, 300));
    String number = registered.number();
    String ks = registered.first();
    String sn = registered.second();
    ProcessInstance ksInstance = instance(ks);
    notified(ksInstance);
    assertThat(tasks.createTaskQuery().processInstanceId(ksInstance.getId())
        .taskDefinitionKey(BpmnIds.SUPPLEMENT_SUPPLIER_FACTS).count()).isZero();

    Instant ended = now.minus(Duration.ofHours(1));
    Map<String, Object> correction = Map.of("endedAt", ended.toString(),
        "controllers", List.of(Map.of("controllerId", "sn", "dataSubjectCount", 450)));
    ResponseEntity<String> corrected = patch("dpo", "/api/supplier-incidents/" + number, correction);

    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode outcomes = json.readTree(corrected.getBody()).get("incidents");
    assertThat(outcomes.findValuesAsText("outcome")).containsExactly("SUPPLEMENT_REQUESTED", "UPDATED");

    // Not yet notified: the case holds the corrected facts, and its audit trail says who changed what.
    Incident snCase = incidents.find(sn).orElseThrow();
    assertThat(snCase.report().endedAt()).isEqualTo(ended);
    assertThat(snCase.report().dataSubjectCount()).isEqualTo(450);
    assertThat(snCase.facts().dataSubjectCount()).isEqualTo(450);
    assertThat(incidents.auditTrail(sn)).anySatisfy(entry -> {
      assertThat(entry.field()).isEqualTo("endedAt");
      assertThat(entry.changedBy()).isEqualTo("dpo");
    }).anySatisfy(entry -> {
      assertThat(entry.field()).isEqualTo("dataSubjectCount");
      assertThat(entry.oldValue()).isEqualTo("300");
      assertThat(entry.newValue()).isEqualTo("450");
    });

    // Notified: the notification as filed stands; a task asks for a supplement and the trail has the change.
    Incident ksCase = incidents.find(ks).orElseThrow();
    assertThat(ksCase.report().endedAt()).isNull();
    List<AuditEntry> trail = incidents.auditTrail(ks);
    assertThat(trail).anySatisfy(entry -> {
      assertThat(entry.field()).isEqualTo("supplierIncident.endedAt");
      assertThat(entry.newValue()).contains(ended.toString());
      assertThat(entry.changedBy()).isEqualTo("dpo");
    });
    assertThat(tasks.createTaskQuery().processInstanceId(ksInstance.getId())
        .taskDefinitionKey(BpmnIds.SUPPLEMENT_SUPPLIER_FACTS).count()).isOne();
    driver.complete(ksInstance, BpmnIds.SUPPLEMENT_SUPPLIER_FACTS, "dpo", Map.of(
        "imySupplementSubmittedAt", now.toString(),
        "supplementText", "Leverantören meddelar att intrånget upphörde."));
    Incident supplemented = incidents.find(ks).orElseThrow();
    assertThat(supplemented.imy().supplementText()).isEqualTo("Leverantören meddelar att intrånget upphörde.");
    assertThat(supplemented.imy().supplementKind().name()).isEqualTo("FACTS_CHANGED");
    assertThat(tasks.createTaskQuery().processInstanceId(ksInstance.getId())
        .taskDefinitionKey(BpmnIds.SUPPLEMENT_SUPPLIER_FACTS).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ksInstance.getId()).count())
        .as("the case goes on where it was").isOne();

    JsonNode view = json.readTree(get("dpo", "/api/supplier-incidents/" + number).getBody());
    assertThat(Instant.parse(view.get("facts").get("endedAt").asText())).isEqualTo(ended);
    assertThat(view.get("correctedBy").asText()).isEqualTo("dpo");
  }

  @Test
  void aControllerToldLaterGetsItsOwnCaseAndClock() throws Exception {
    Registered registered = register(new Affected("ks", 30, 1200), new Affected("sn", 29, 300));
    String number = registered.number();
    Instant bunTold = now.minus(Duration.ofHours(2));

    ResponseEntity<String> added = post("dpo", "/api/supplier-incidents/" + number + "/controllers", Map.of(
        "controllerId", "bun", "notifiedAt", bunTold.toString(), "dataSubjectCount", 80));

    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode third = json.readTree(added.getBody());
    assertThat(third.get("controllerId").asText()).isEqualTo("bun");
    assertThat(Instant.parse(third.get("authorityDeadline").asText())).isEqualTo(bunTold.plus(Duration.ofHours(72)));
    assertThat(added.getHeaders().getLocation()).hasToString("/api/incidents/" + third.get("number").asText());
    Incident bun = incidents.find(third.get("number").asText()).orElseThrow();
    assertThat(bun.supplierIncident()).isEqualTo(number);
    assertThat(bun.report().description()).isEqualTo("Intrång i lönesystemet hos leverantören.");
    assertThat(json.readTree(get("dpo", "/api/supplier-incidents/" + number).getBody()).get("cases"))
        .extracting(c -> c.get("controllerId").asText()).containsExactly("ks", "sn", "bun");

    ResponseEntity<String> again = post("dpo", "/api/supplier-incidents/" + number + "/controllers", Map.of(
        "controllerId", "sn", "notifiedAt", bunTold.toString(), "dataSubjectCount", 80));
    assertProblem(again, HttpStatus.BAD_REQUEST, "controllerId");
  }

  @Test
  void aControllersPeopleSeeOnlyTheirOwnCase() throws Exception {
    Registered registered = register(new Affected("ks", 3, 10), new Affected("sn", 3, 20));
    String number = registered.number();
    String ks = registered.first();
    String sn = registered.second();

    JsonNode asKs = json.readTree(get(KS_COORDINATOR, "/api/supplier-incidents/" + number).getBody());
    assertThat(asKs.get("cases")).extracting(c -> c.get("number").asText()).containsExactly(ks);
    assertThat(asKs.get("hiddenCases").asInt()).isOne();
    assertThat(get(KS_COORDINATOR, "/api/supplier-incidents/" + number).getBody()).doesNotContain(sn);
    assertThat(get(KS_COORDINATOR, "/api/incidents/" + sn).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(KS_COORDINATOR, "/api/supplier-incidents").getBody()).contains(number).doesNotContain(sn);
    assertThat(get("reporter", "/api/supplier-incidents/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("reporter", "/api/supplier-incidents").getBody()).doesNotContain(number);

    // Registering, correcting and adding for a controller one has no role in: refused.
    ResponseEntity<String> forSn = post(KS_COORDINATOR, "/api/supplier-incidents", registration(
        Map.of("controllerId", "ks", "notifiedAt", now.minus(Duration.ofHours(1)).toString(), "dataSubjectCount", 10),
        Map.of("controllerId", "sn", "notifiedAt", now.minus(Duration.ofHours(1)).toString(), "dataSubjectCount", 20)));
    assertThat(forSn.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forSn.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat(forSn.getBody()).contains("Socialnämnden");
    assertThat(post("reporter", "/api/supplier-incidents", registration(
        Map.of("controllerId", "ks", "notifiedAt", now.minus(Duration.ofHours(1)).toString(), "dataSubjectCount", 10)))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(patch(KS_COORDINATOR, "/api/supplier-incidents/" + number,
        Map.of("controllers", List.of(Map.of("controllerId", "sn", "dataSubjectCount", 1)))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(patch("manager", "/api/supplier-incidents/" + number, Map.of("endedAt", now.toString()))
        .getStatusCode()).as("management reads, does not correct").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("manager", "/api/supplier-incidents/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(incidents.find(sn).orElseThrow().report().dataSubjectCount()).isEqualTo(20);
    assertThat(incidents.find(sn).orElseThrow().report().endedAt()).isNull();
    assertThat(post(SN_COORDINATOR, "/api/supplier-incidents/" + number + "/controllers", Map.of(
        "controllerId", "bun", "notifiedAt", now.toString(), "dataSubjectCount", 1)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("reporter", "/api/supplier-incidents/" + number + "/controllers", Map.of(
        "controllerId", "bun", "notifiedAt", now.toString(), "dataSubjectCount", 1)).getStatusCode())
        .as("who cannot see it is not told it exists").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(incidents.findBySupplierIncident(number)).hasSize(2);
  }

  @Test
  void badInputIsRefusedNamingTheFieldsAndNothingIsRegistered() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(BpmnIds.PROCESS).count();
    Map<String, Object> bad = new HashMap<>(registration(
        Map.of("controllerId", "ks", "notifiedAt", now.minus(Duration.ofHours(1)).toString(), "dataSubjectCount", 10),
        Map.of("controllerId", "sn", "notifiedAt", now.plus(Duration.ofDays(2)).toString(), "dataSubjectCount", 0),
        Map.of("controllerId", "nope", "notifiedAt", now.toString(), "dataSubjectCount", 1)));
    bad.remove("processor");
    bad.put("processorOrganisationNumber", "55-1");
    bad.put("reporterId", "someone-else");

    ResponseEntity<String> response = post("dpo", "/api/supplier-incidents", bad);

    assertProblem(response, HttpStatus.BAD_REQUEST, "processor", "processorOrganisationNumber", "reporterId",
        "controllers[1].notifiedAt", "controllers[1].dataSubjectCount", "controllers[2].controllerId");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(BpmnIds.PROCESS).count()).isEqualTo(before);

    assertProblem(post("dpo", "/api/supplier-incidents", Map.of("processor", "X AB",
        "processorOrganisationNumber", "556000-0000", "description", "x", "cause", "HACKING",
        "breachTypes", List.of("CONFIDENTIALITY"), "dataCategories", List.of("IDENTITY"), "controllers", "nonsense")),
        HttpStatus.BAD_REQUEST, "controllers");
    assertProblem(post("dpo", "/api/supplier-incidents", registration(
        Map.of("controllerId", "ks", "notifiedAt", now.toString(), "dataSubjectCount", 1),
        Map.of("controllerId", "ks", "notifiedAt", now.toString(), "dataSubjectCount", 1))),
        HttpStatus.BAD_REQUEST, "controllers[1].controllerId");
    assertThat(get("dpo", "/api/supplier-incidents/LEV-1999-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theImyDocumentsNameTheSupplierIncidentAndOtherCasesOnlyWhereTheirReadersMaySeeThem() throws Exception {
    Registered registered = register(new Affected("ks", 6, 40), new Affected("bun", 5, 9));
    String number = registered.number();
    String ks = registered.first();
    String bun = registered.second();
    for (String caseNumber : List.of(ks, bun)) {
      notified(instance(caseNumber));
    }

    String ksDocument = se.breachflow.document.Pdfs.body(http.withBasicAuth("dpo", "dpo").getForEntity(
        "/api/incidents/" + ks + "/documents/imy-notification", byte[].class).getBody());
    assertThat(ksDocument).contains("Leverantörsincident").contains(number).contains("Exempel HR AB")
        .contains("556000-0000").contains("Lönesystemet")
        .contains("Har personuppgifterna förts över till eller blivit åtkomliga i ett land utanför EU/EES?");
    // Kommunstyrelsen's coordinator of this test may read ks's documents but may not see bun's case.
    assertThat(ksDocument).doesNotContain(bun).contains("Ytterligare en nämnd eller ett bolag");
    String bunDocument = se.breachflow.document.Pdfs.body(http.withBasicAuth("dpo", "dpo").getForEntity(
        "/api/incidents/" + bun + "/documents/imy-notification", byte[].class).getBody());
    // Everyone who may read bun's documents may see ks's case (the demo's people are in every controller).
    assertThat(bunDocument).contains(number).contains(ks + " (Kommunstyrelsen)");
  }

  @Test
  void retentionRemovesTheSupplierIncidentsPersonalDataOnceEveryCaseHasLostIts() throws Exception {
    Registered registered = register(new Affected("ks", 2, 10), new Affected("sn", 2, 20));
    jdbc.update("update incident set personal_data_removed_at = current_timestamp where number = ?",
        registered.first());
    suppliers.removePersonalDataOfRemovedCases(se.breachflow.register.RetentionService.MARKER);
    assertThat(description(registered.number())).as("one case still holds its data")
        .isEqualTo("Intrång i lönesystemet hos leverantören.");

    jdbc.update("update incident set personal_data_removed_at = current_timestamp where number = ?",
        registered.second());
    suppliers.removePersonalDataOfRemovedCases(se.breachflow.register.RetentionService.MARKER);
    assertThat(description(registered.number())).isEqualTo(se.breachflow.register.RetentionService.MARKER);
    assertThat(jdbc.queryForObject("select reported_by from supplier_incident where number = ?", String.class,
        registered.number())).isEqualTo(se.breachflow.register.RetentionService.MARKER);
    assertThat(jdbc.queryForObject("select processor from supplier_incident where number = ?", String.class,
        registered.number())).as("a company's name is no personal data").isEqualTo("Exempel HR AB");
  }

  private String description(String number) {
    return jdbc.queryForObject("select description from supplier_incident where number = ?", String.class, number);
  }

  // ----------------------------------------------------------------------------------------------- helpers

  /** A controller the supplier told some hours ago, with its number of people. */
  record Affected(String controllerId, int hoursAgo, int dataSubjectCount) {}

  record Registered(String number, String first, String second) {}

  /** Registers, as the DPO, a supplier incident of two controllers. */
  private Registered register(Affected first, Affected second) throws Exception {
    JsonNode body = json.readTree(post("dpo", "/api/supplier-incidents", registration(entry(first), entry(second)))
        .getBody());
    return new Registered(body.get("number").asText(), body.get("incidents").get(0).get("number").asText(),
        body.get("incidents").get(1).get("number").asText());
  }

  private Map<String, Object> entry(Affected affected) {
    return Map.of("controllerId", affected.controllerId(),
        "notifiedAt", now.minus(Duration.ofHours(affected.hoursAgo())).toString(),
        "dataSubjectCount", affected.dataSubjectCount());
  }

  /** Assessed, decided and notified to IMY now. */
  private void notified(ProcessInstance instance) {
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, false, "Risk för identitetsstöld.");
    driver.notifyImy(instance, now.toString(), "COMPLETE");
  }

  @SafeVarargs
  private Map<String, Object> registration(Map<String, Object>... controllers) {
    Map<String, Object> body = new HashMap<>();
    body.put("processor", "Exempel HR AB");
    body.put("processorOrganisationNumber", "556000-0000");
    body.put("description", "Intrång i lönesystemet hos leverantören.");
    body.put("systems", "Lönesystemet");
    body.put("cause", "HACKING");
    body.put("occurredAt", now.minus(Duration.ofDays(3)).toString());
    body.put("endedAt", null);
    body.put("thirdCountry", true);
    body.put("breachTypes", List.of("CONFIDENTIALITY", "AVAILABILITY"));
    body.put("dataCategories", List.of("IDENTITY", "FINANCIAL"));
    body.put("controllers", List.of(controllers));
    return body;
  }

  private ProcessInstance instance(String number) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
  }

  private void assertProblem(ResponseEntity<String> response, HttpStatus status, String... fields) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
    JsonNode errors = json.readTree(response.getBody()).get("errors");
    assertThat(errors.findValuesAsText("field")).contains(fields);
    assertThat(response.getBody()).doesNotContain("Exception");
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return http.exchange(path, HttpMethod.POST, entity(user, body), String.class);
  }

  private ResponseEntity<String> patch(String user, String path, Object body) {
    return http.exchange(path, HttpMethod.PATCH, entity(user, body), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private HttpEntity<String> entity(String user, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, user);
    try {
      return new HttpEntity<>(json.writeValueAsString(body), headers);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
