package se.breachflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.incident.AuditEntry;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/** The register: statistics with known answers, the audit trail, retention, the OpenAPI description. */
@BreachflowTest
class RegisterTest {

  @Autowired IncidentDriver driver;
  @Autowired IncidentRepository incidents;
  @Autowired HistoryService history;
  @Autowired RetentionService retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void shouldComputeTheStatisticsOfAPreparedSetOfIncidents() throws Exception {
    // Five incidents in March 2019 (a year no other test uses), all for ks.
    // 1: notified 10 h after discovery (in time), 2: notified 80 h after (late), 3: decided not to notify,
    // 4: not a breach, 5: still open (reported, not decided).
    report(19, "2019-03-04T08:00+01:00", "2019-03-04T10:00+01:00", "MISDIRECTED_EMAIL");
    ProcessInstance first = last();
    decideAndNotify(first, "2019-03-04T12:00+01:00", "2019-03-04T18:00+01:00", null);
    report(19, "2019-03-05T08:00+01:00", "2019-03-05T12:00+01:00", "MISDIRECTED_POST");
    decideAndNotify(last(), "2019-03-08T12:00+01:00", "2019-03-08T16:00+01:00", "Helg och sjukdom.");
    report(19, "2019-03-06T08:00+01:00", "2019-03-06T09:00+01:00", "MISDIRECTED_EMAIL");
    ProcessInstance third = last();
    EngineClock.set("2019-03-06T20:00:00+01:00");
    driver.assess(third, "KNOWN_RECIPIENTS");
    driver.decide(third, false, false, "Mottagaren raderade direkt.");
    report(19, "2019-04-01T08:00+02:00", "2019-04-01T16:00+02:00", "LOST_OR_STOLEN");
    ProcessInstance fourth = last();
    EngineClock.set("2019-04-02T08:00:00+02:00");
    driver.assess(fourth, "NONE");
    driver.notABreach(fourth, "Datorn var krypterad och återfanns.");
    report(19, "2019-04-10T08:00+02:00", "2019-04-10T08:30+02:00", "HACKING");

    JsonNode stats = json.readTree(http.withBasicAuth("dpo", "dpo")
        .getForEntity("/api/statistics?from=2019-01-01&to=2019-12-31&controller=ks", String.class).getBody());

    assertThat(stats.get("total").asInt()).isEqualTo(5);
    assertThat(stats.at("/byCause/MISDIRECTED_EMAIL").asInt()).isEqualTo(2);
    assertThat(stats.at("/byCause/MISDIRECTED_POST").asInt()).isEqualTo(1);
    assertThat(stats.at("/byCause/LOST_OR_STOLEN").asInt()).isEqualTo(1);
    assertThat(stats.at("/byCause/HACKING").asInt()).isEqualTo(1);
    assertThat(stats.at("/byController/ks").asInt()).isEqualTo(5);
    assertThat(stats.at("/byMonth/2019-03").asInt()).isEqualTo(3);
    assertThat(stats.at("/byMonth/2019-04").asInt()).isEqualTo(2);
    int byRisk = 0;
    for (JsonNode count : stats.get("byRiskLevel")) {
      byRisk += count.asInt();
    }
    assertThat(byRisk).isEqualTo(5);
    // Breaches decided: 1, 2, 3 (4 was no breach, 5 undecided); notified: 1 and 2; in time: 1.
    assertThat(stats.get("shareNotified").asDouble()).isEqualTo(0.667);
    assertThat(stats.get("shareNotifiedWithin72Hours").asDouble()).isEqualTo(0.5);
    // Discovery to report: 2, 4, 1, 8, 0.5 hours -> median 2.
    assertThat(stats.get("medianHoursDiscoveryToReport").asDouble()).isEqualTo(2.0);
    // Discovery to decision: 4 (1), 76 (2), 12 (3), 24 (4) -> median (12 + 24) / 2 = 18.
    assertThat(stats.get("medianHoursDiscoveryToDecision").asDouble()).isEqualTo(18.0);
    // Discovery to notification: 10 (1) and 80 (2) -> 45.
    assertThat(stats.get("medianHoursDiscoveryToNotification").asDouble()).isEqualTo(45.0);

    // The reporter sees no register; a bad date is named.
    JsonNode reporterStats = json.readTree(http.withBasicAuth("reporter", "reporter")
        .getForEntity("/api/statistics?from=2019-01-01&to=2019-12-31", String.class).getBody());
    assertThat(reporterStats.get("total").asInt()).isZero();
    ResponseEntity<String> bad = http.withBasicAuth("dpo", "dpo").getForEntity("/api/statistics?from=2019-13-01",
        String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field")).containsExactly("from");
  }

  @Test
  void shouldFilterAndPageTheRegister() throws Exception {
    // Three incidents in 2018 (a year no other test uses): notified in time, decided not to notify, open and late.
    report(18, "2018-05-02T08:00+02:00", "2018-05-02T09:00+02:00", "MISDIRECTED_EMAIL");
    ProcessInstance notified = last();
    decideAndNotify(notified, "2018-05-02T10:00+02:00", "2018-05-02T11:00+02:00", null);
    report(18, "2018-05-03T08:00+02:00", "2018-05-03T09:00+02:00", "HACKING");
    ProcessInstance notNotified = last();
    EngineClock.set("2018-05-03T10:00:00+02:00");
    driver.assess(notNotified, "KNOWN_RECIPIENTS");
    driver.decide(notNotified, false, false, "Ingen risk: loggarna visar att inget lästes.");
    report(18, "2018-05-04T08:00+02:00", "2018-05-04T09:00+02:00", "LOST_OR_STOLEN");
    ProcessInstance open = last();
    EngineClock.set("2018-05-20T12:00:00+02:00");
    String year = "from=2018-01-01&to=2018-12-31";

    assertThat(numbers("dpo", year)).containsExactly(number(open), number(notNotified), number(notified));
    assertThat(numbers("dpo", year + "&cause=HACKING")).containsExactly(number(notNotified));
    assertThat(numbers("dpo", year + "&notified=true")).containsExactly(number(notified));
    assertThat(numbers("dpo", year + "&notified=false")).containsExactly(number(open), number(notNotified));
    assertThat(numbers("dpo", year + "&late=true")).containsExactly(number(open));
    assertThat(numbers("dpo", year + "&late=false")).containsExactly(number(notNotified), number(notified));
    // The search's "late" (SQL) and the incident's (Incident.isLate) are one rule.
    for (JsonNode row : json(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents?" + year, String.class))
        .get("incidents")) {
      JsonNode incident = json(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents/"
          + row.get("number").asText(), String.class));
      assertThat(row.get("late").asBoolean()).as(row.get("number").asText())
          .isEqualTo(incident.get("late").asBoolean());
    }
    assertThat(numbers("dpo", year + "&status=ASSESSMENT")).containsExactly(number(open));
    assertThat(numbers("dpo", year + "&controller=ks")).hasSize(3);
    assertThat(numbers("dpo", year + "&q=" + number(notified))).containsExactly(number(notified));
    assertThat(numbers("dpo", year + "&q=FEL VÅRDNADSHAVARE")).hasSize(3);
    assertThat(numbers("dpo", "from=2018-05-03&to=2018-05-03")).containsExactly(number(notNotified));
    String riskOfOpen = json(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents?" + year, String.class))
        .get("incidents").get(0).get("riskLevel").asText();
    assertThat(numbers("dpo", year + "&riskLevel=" + riskOfOpen)).contains(number(open));

    JsonNode firstPage = json(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents?" + year
        + "&size=2&page=0", String.class));
    assertThat(firstPage.get("total").asInt()).isEqualTo(3);
    assertThat(firstPage.get("incidents")).hasSize(2);
    JsonNode secondPage = json(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents?" + year
        + "&size=2&page=1", String.class));
    assertThat(secondPage.get("incidents").findValuesAsText("number")).containsExactly(number(notified));

    // The reporter sees their own reports; an outsider nothing.
    assertThat(numbers("reporter", year)).hasSize(3);
    ResponseEntity<String> bad = http.withBasicAuth("dpo", "dpo").getForEntity(
        "/api/incidents?status=LOST&size=0&late=kanske", String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(bad).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("status", "size", "late");
  }

  private List<String> numbers(String user, String query) throws Exception {
    return json(http.withBasicAuth(user, user).getForEntity("/api/incidents?" + query, String.class))
        .get("incidents").findValuesAsText("number");
  }

  @Test
  void shouldRecordWhoChangedWhichFieldWhenFromWhatToWhat() throws Exception {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = driver.report();
    EngineClock.set("2026-11-20T13:15:00+01:00");
    Map<String, Object> corrected = new HashMap<>(Map.of(
        "identifiability", "MAXIMUM", "confidentialityLoss", "KNOWN_RECIPIENTS", "integrityLoss", "NONE",
        "availabilityLoss", "NONE"));
    corrected.put("dataSubjectCount", 30);
    driver.complete(instance, BpmnIds.ASSESS, "coordinator", corrected);

    String number = incidents.findByProcessInstance(instance.getId()).orElseThrow().number();
    List<AuditEntry> trail = incidents.auditTrail(number);
    assertThat(trail).first().extracting(AuditEntry::field, AuditEntry::changedBy)
        .containsExactly("registered", "reporter");
    assertThat(trail).contains(new AuditEntry(Instant.parse("2026-11-20T12:15:00Z"), "coordinator",
        "dataSubjectCount", "3", "30"));
    assertThat(json(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents/" + number, String.class))
        .get("auditTrail").findValuesAsText("field")).contains("dataSubjectCount", "status");
  }

  @Test
  void shouldRemoveThePersonalDataOfOldIncidentsAndKeepTheStatistics() throws Exception {
    // Closed in 2016, more than the default ten years before the run in 2027; and one closed in 2026.
    report(16, "2016-02-01T08:00+01:00", "2016-02-01T09:00+01:00", "MISDIRECTED_EMAIL");
    ProcessInstance old = last();
    closeWithoutNotification(old, "2016-02-01T12:00:00+01:00");
    report(26, "2026-02-02T08:00+01:00", "2026-02-02T09:00+01:00", "MISDIRECTED_EMAIL");
    ProcessInstance recent = last();
    closeWithoutNotification(recent, "2026-02-02T12:00:00+01:00");
    String oldNumber = number(old);
    String recentNumber = number(recent);
    String statisticsBefore = statistics();

    EngineClock.set("2027-01-01T03:00:00+01:00");
    RetentionRun dryRun = retention.run(true, "admin");
    assertThat(dryRun.incidentNumbers()).contains(oldNumber).doesNotContain(recentNumber);
    assertThat(incidents.find(oldNumber).orElseThrow().report().description()).isNotEqualTo(RetentionService.MARKER);

    RetentionRun run = retention.run(false, "admin");
    assertThat(run.incidentNumbers()).contains(oldNumber).doesNotContain(recentNumber);

    Incident removed = incidents.find(oldNumber).orElseThrow();
    assertThat(removed.report().description()).isEqualTo(RetentionService.MARKER);
    assertThat(removed.report().measuresTaken()).isEqualTo(RetentionService.MARKER);
    assertThat(removed.reporterId()).isEqualTo(RetentionService.MARKER);
    assertThat(removed.decision().justification()).isEqualTo(RetentionService.MARKER);
    assertThat(removed.followUp().lessonsLearned()).isEqualTo(RetentionService.MARKER);
    assertThat(removed.report().dataSubjectCount()).isEqualTo(3);
    assertThat(removed.report().dataCategories()).isNotEmpty();
    assertThat(incidents.auditTrail(oldNumber)).allMatch(entry -> entry.newValue() == null
        || entry.newValue().equals(RetentionService.MARKER));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(jdbc.queryForList("select assessed_by from incident_assessment where incident_number = ?",
        String.class, oldNumber)).isNotEmpty().allMatch(by -> by == null || by.equals(RetentionService.MARKER));
    // The incident report filed at closing: its content goes with the record's personal data, its hash stays.
    assertThat(jdbc.queryForList("select content, sha256, filed_by from incident_document where incident_number = ?",
        oldNumber)).singleElement().satisfies(row -> {
          assertThat(row.get("content")).isNull();
          assertThat((String) row.get("sha256")).hasSize(64);
          assertThat(row.get("filed_by")).isEqualTo(RetentionService.MARKER);
        });
    ResponseEntity<String> gone = http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents/" + oldNumber
        + "/documents/incident-report", String.class);
    assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(json(gone).get("detail").asText()).startsWith("Dokumentet har gallrats");
    assertThat(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents/" + recentNumber
        + "/documents/incident-report", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

    Incident kept = incidents.find(recentNumber).orElseThrow();
    assertThat(kept.report().description()).isEqualTo("E-post med tre elevers namn skickades till fel vårdnadshavare.");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent.getId()).count()).isOne();

    assertThat(statistics()).isEqualTo(statisticsBefore);
    assertThat(retention.runs()).first().satisfies(logged -> {
      assertThat(logged.dryRun()).isFalse();
      assertThat(logged.runBy()).isEqualTo("admin");
      assertThat(logged.incidentNumbers()).contains(oldNumber);
    });
    assertThat(http.withBasicAuth("dpo", "dpo").postForEntity("/api/retention/runs?dryRun=true", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("admin", "admin").postForEntity("/api/retention/runs?dryRun=true", null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /**
   * Every text column of the register's tables is either personal data that retention removes
   * (IncidentRepository.PERSONAL_DATA, from the forms' list of free texts) or one of these, which cannot hold
   * any: a new column must be put on one side.
   */
  @Test
  void shouldKnowOfEveryTextColumnWhetherItMayHoldPersonalData() {
    Set<String> notPersonal = Set.of("incident.number", "incident.controller_id", "incident.process_instance_id",
        "incident.status", "incident.cause", "incident.breach_types", "incident.data_categories", "incident.recipient",
        "incident.identifiability", "incident.confidentiality_loss", "incident.integrity_loss",
        "incident.availability_loss", "incident.imy_case_number", "incident.imy_report_type",
        "incident.data_subject_communication", "incident.data_subject_groups", "incident.supplement_kind",
        "incident.supplier_incident_number", "incident.cyber_malicious", "incident.cyber_early_warning_reference",
        "incident.cyber_notification_reference", "incident.cyber_progress_report_reference",
        "incident.cyber_final_report_reference", "incident.cyber_intermediate_report_reference",
        "incident_assessment.incident_number", "incident_assessment.kind",
        "incident_assessment.severity", "incident_assessment.risk_level", "incident_assessment.reasons",
        "incident_document.incident_number", "incident_document.kind", "incident_document.content_type",
        "incident_document.sha256", "supplier_incident.number", "supplier_incident.processor",
        "supplier_incident.processor_organisation_number", "supplier_incident.cause", "supplier_incident.breach_types",
        "supplier_incident.data_categories");
    // Removed as a whole by retention: the filed content and its snapshot, who filed it.
    Set<String> removedWithTheDocument = Set.of("incident_document.snapshot", "incident_document.filed_by");
    Set<String> personal = new java.util.TreeSet<>();
    IncidentRepository.PERSONAL_DATA.forEach(column -> personal.add("incident." + column));
    IncidentRepository.ASSESSMENT_PERSONAL_DATA.forEach(column -> personal.add("incident_assessment." + column));
    se.breachflow.supplier.SupplierIncidents.PERSONAL_DATA.forEach(column -> personal.add("supplier_incident." + column));
    List<String> textColumns = jdbc.queryForList("""
        select lower(table_name) || '.' || lower(column_name) from information_schema.columns
        where lower(table_name) in ('incident', 'incident_assessment', 'incident_document', 'supplier_incident')
          and lower(table_schema) = 'public' and lower(data_type) like '%char%'""", String.class);
    assertThat(textColumns).hasSizeGreaterThan(30);
    for (String column : textColumns) {
      assertThat(personal.contains(column) || notPersonal.contains(column) || removedWithTheDocument.contains(column))
          .as("%s: personal data (IncidentRepository.PERSONAL_DATA) or not", column).isTrue();
    }
    assertThat(textColumns).as("the personal data named are columns").containsAll(personal);
  }

  /** Several nodes start the nightly run at the same moment: it runs once; the next night it runs again. */
  @Test
  void shouldRunTheScheduledRetentionOnceWhenNodesStartItTogether() throws Exception {
    EngineClock.set("2031-01-01T02:30:00+01:00");
    Integer before = jdbc.queryForObject("select count(*) from retention_run", Integer.class);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int node = 0; node < 3; node++) {
        runs.add(nodes.submit(() -> {
          start.await();
          retention.scheduled();
          return null;
        }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }
    assertThat(jdbc.queryForObject("select count(*) from retention_run", Integer.class)).isEqualTo(before + 1);

    EngineClock.set("2031-01-02T02:30:00+01:00");
    retention.scheduled();
    assertThat(jdbc.queryForObject("select count(*) from retention_run", Integer.class)).isEqualTo(before + 2);
  }

  @Test
  void shouldDescribeTheApiInOpenApi() throws Exception {
    JsonNode api = json(http.getForEntity("/v3/api-docs", String.class));
    assertThat(api.get("paths").has("/api/incidents")).isTrue();
    assertThat(api.get("paths").has("/api/incidents/{number}")).isTrue();
    assertThat(api.get("paths").has("/api/assessments")).isTrue();
    assertThat(api.get("paths").has("/api/statistics")).isTrue();
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> problem = http.withBasicAuth("dpo", "dpo").exchange("/api/statistics?to=nej",
        HttpMethod.GET, new HttpEntity<>(null), String.class);
    assertThat(problem.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  // --- helpers ---

  private ProcessInstance lastReported;

  /** Reports an incident that happened and was discovered at one time and was reported at another. */
  private void report(int year, String discoveredAt, String reportedAt, String cause) {
    Map<String, Object> report = Reports.misdirectedEmail();
    report.put("occurredAt", discoveredAt);
    report.put("discoveredAt", discoveredAt);
    report.put("cause", cause);
    EngineClock.set(OffsetDateTime.parse(reportedAt).toInstant());
    lastReported = driver.report(report);
    assertThat(number(lastReported)).startsWith("PUI-20" + year);
  }

  private ProcessInstance last() {
    return lastReported;
  }

  private void decideAndNotify(ProcessInstance instance, String decidedAt, String notifiedAt, String lateReason) {
    EngineClock.set(OffsetDateTime.parse(decidedAt).toInstant());
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, false, "Anmäls till IMY; de registrerade informeras inte.");
    EngineClock.set(OffsetDateTime.parse(notifiedAt).toInstant());
    Map<String, Object> values = new HashMap<>(Map.of(
        "imyCaseNumber", "IMY-1", "imySubmittedAt", notifiedAt, "imyReportType", "COMPLETE"));
    if (lateReason != null) {
      values.put("imyLateReason", lateReason);
    }
    driver.complete(instance, BpmnIds.NOTIFY_IMY, "dpo", values);
  }

  private void closeWithoutNotification(ProcessInstance instance, String at) {
    EngineClock.set(OffsetDateTime.parse(at).toInstant());
    driver.assess(instance, "KNOWN_RECIPIENTS");
    driver.decide(instance, false, false, "Mottagaren är en kollega med tystnadsplikt.");
    driver.followUp(instance);
  }

  private String number(ProcessInstance instance) {
    return incidents.findByProcessInstance(instance.getId()).orElseThrow().number();
  }

  private String statistics() {
    return http.withBasicAuth("admin", "admin").getForEntity("/api/statistics?from=2016-01-01&to=2026-12-31",
        String.class).getBody();
  }

  private JsonNode json(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }
}
