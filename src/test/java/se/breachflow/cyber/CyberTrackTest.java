package se.breachflow.cyber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.CyberTrack;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.notification.NoticeKind;
import se.breachflow.notification.Outbox;
import se.breachflow.shared.Times;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.workflow.BpmnIds;

/**
 * A significant incident under cybersäkerhetslagen (2025:1506) 2 kap. 5-8 §§ on the real engine (issue 20): the
 * three reports to the CSIRT with their deadlines beside the IMY track, their reminders and alarms, the reasons a
 * late report needs, the question to the informationssäkerhetssamordnare when the rules suggest it; and a case
 * that is not significant, which gets none of it.
 */
@BreachflowTest
class CyberTrackTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentDriver driver;
  @Autowired Outbox outbox;
  @Autowired TestRestTemplate http;

  private final ObjectMapper json = new ObjectMapper();

  private Instant discovered;

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    discovered = Times.now().minus(Reports.DISCOVERED_BEFORE_NOW).truncatedTo(ChronoUnit.MINUTES);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void aSignificantIncidentRunsTheThreeReportsBesideTheImyTrack() {
    ProcessInstance instance = driver.report(hacking());
    assess(instance, Map.of("cyberSignificant", true,
        "cyberSignificantReason", "Lönesystemet är nere: allvarlig driftsstörning."));

    Incident assessed = incident(instance);
    CyberTrack cyber = assessed.cyber();
    assertThat(cyber.significantIncident()).isTrue();
    assertThat(cyber.decidedBy()).isEqualTo("coordinator");
    assertThat(cyber.earlyWarningDeadline()).isEqualTo(discovered.plus(Duration.ofHours(24)));
    assertThat(cyber.notificationDeadline()).isEqualTo(discovered.plus(Duration.ofHours(72)));
    assertThat(cyber.finalReportDeadline()).as("counted from the notification").isNull();
    Task earlyWarning = driver.task(instance, BpmnIds.CYBER_EARLY_WARNING);
    assertThat(earlyWarning.getDueDate().toInstant()).isEqualTo(cyber.earlyWarningDeadline());
    assertThat(tasks.getIdentityLinksForTask(earlyWarning.getId())).extracting(IdentityLink::getGroupId)
        .contains("security-ks", "dpo-ks");
    assertThat(driver.task(instance, BpmnIds.DPO_ADVICE)).as("the IMY track goes on").isNotNull();

    driver.complete(instance, BpmnIds.CYBER_EARLY_WARNING, "security", Map.of(
        "cyberFiledAt", Reports.formTime(Duration.ZERO), "cyberReference", "CSIRT-2026-17",
        "cyberMalicious", "SUSPECTED", "cyberCrossBorder", false));
    Instant notifiedAt = Times.now().truncatedTo(ChronoUnit.MINUTES);
    driver.complete(instance, BpmnIds.CYBER_NOTIFICATION, "security", Map.of(
        "cyberFiledAt", Reports.formTime(Duration.ZERO), "cyberSeverityImpact", "Lönesystemet är nere i två dygn.",
        "cyberIndicators", "203.0.113.7", "cyberPoliceReportedAt", Reports.formTime(Duration.ZERO)));

    Incident notified = incident(instance);
    assertThat(notified.cyber().report(CyberReportKind.EARLY_WARNING).reference()).isEqualTo("CSIRT-2026-17");
    assertThat(notified.cyber().report(CyberReportKind.EARLY_WARNING).filedBy()).isEqualTo("security");
    assertThat(notified.cyber().facts().cyberIndicators()).isEqualTo("203.0.113.7");
    assertThat(notified.cyber().facts().cyberPoliceReportedAt()).isEqualTo(notifiedAt);
    Instant finalDue = notifiedAt.atZone(Times.STOCKHOLM).plusMonths(1).toInstant();
    assertThat(notified.cyber().finalReportDeadline()).isEqualTo(finalDue);
    assertThat(driver.task(instance, BpmnIds.CYBER_FINAL_REPORT).getDueDate().toInstant()).isEqualTo(finalDue);

    // Still ongoing a month later: a progress report, then the final report.
    driver.complete(instance, BpmnIds.CYBER_FINAL_REPORT, "security", Map.of(
        "cyberFinalStep", "PROGRESS_REPORT", "cyberFiledAt", Reports.formTime(Duration.ZERO),
        "cyberMitigation", "Systemet återställs från säkerhetskopia."));
    assertThat(incident(instance).cyber().report(CyberReportKind.PROGRESS_REPORT)).isNotNull();
    assertThatThrownBy(() -> driver.complete(instance, BpmnIds.CYBER_FINAL_REPORT, "security", Map.of(
        "cyberFinalStep", "FINAL_REPORT", "cyberFiledAt", Reports.formTime(Duration.ZERO))))
        .hasMessageContaining("grundorsak").hasMessageContaining("hanterades");
    // Filed more than a month after the handling it records: late, and the reasons are asked for.
    EngineClock.set(Times.now().plus(Duration.ofDays(45)));
    assertThatThrownBy(() -> driver.complete(instance, BpmnIds.CYBER_FINAL_REPORT, "security", Map.of(
        "cyberFinalStep", "FINAL_REPORT", "cyberFiledAt", Reports.formTime(Duration.ZERO),
        "cyberRootCause", "Nätfiske gav angriparen ett administratörskonto.",
        "cyberHandledAt", Reports.formTime(Duration.ofDays(40)))))
        .hasMessageContaining("skälen till förseningen");
    driver.complete(instance, BpmnIds.CYBER_FINAL_REPORT, "security", Map.of(
        "cyberFinalStep", "FINAL_REPORT", "cyberFiledAt", Reports.formTime(Duration.ZERO),
        "cyberRootCause", "Nätfiske gav angriparen ett administratörskonto.",
        "cyberHandledAt", Reports.formTime(Duration.ofDays(10))));
    assertThat(incident(instance).cyber().report(CyberReportKind.FINAL_REPORT).filedBy()).isEqualTo("security");
    assertThat(openCyberTasks(instance)).isEmpty();
    assertThat(incident(instance).imy()).as("the IMY notification is a report of its own").isNull();
  }

  @Test
  void remindersAndAlarmsFireOnceEachAndALateReportNeedsReasons() {
    ProcessInstance instance = driver.report(hacking());
    assess(instance, Map.of("cyberSignificant", true, "cyberSignificantReason", "Allvarlig driftsstörning."));
    Instant deadline = incident(instance).cyber().earlyWarningDeadline();

    EngineClock.set(deadline.minus(Duration.ofHours(5)));
    driver.fireDueTimers(instance);
    driver.fireDueTimers(instance);
    assertThat(count(instance, NoticeKind.CYBER_EARLY_WARNING_REMINDER)).isOne();
    assertThat(count(instance, NoticeKind.CYBER_EARLY_WARNING_MISSED)).isZero();
    EngineClock.set(deadline.plus(Duration.ofMinutes(1)));
    driver.fireDueTimers(instance);
    driver.fireDueTimers(instance);
    assertThat(count(instance, NoticeKind.CYBER_EARLY_WARNING_REMINDER)).isOne();
    assertThat(count(instance, NoticeKind.CYBER_EARLY_WARNING_MISSED)).isOne();

    Map<String, Object> late = new HashMap<>(Map.of("cyberFiledAt", Reports.formTime(Duration.ZERO),
        "cyberMalicious", "UNKNOWN"));
    assertThatThrownBy(() -> driver.complete(instance, BpmnIds.CYBER_EARLY_WARNING, "security", late))
        .hasMessageContaining("skälen till förseningen");
    late.put("cyberLateReason", "Intrånget upptäcktes först under helgen.");
    driver.complete(instance, BpmnIds.CYBER_EARLY_WARNING, "security", late);
    assertThat(incident(instance).cyber().report(CyberReportKind.EARLY_WARNING).lateReason())
        .isEqualTo("Intrånget upptäcktes först under helgen.");
    assertThat(driver.task(instance, BpmnIds.CYBER_NOTIFICATION)).isNotNull();
  }

  @Test
  void whenTheRulesSuggestItTheInformationSecurityCoordinatorDecides() {
    ProcessInstance instance = driver.report(hacking());
    assess(instance, Map.of());

    assertThat(incident(instance).cyber()).as("nobody has decided yet").isNull();
    Task question = driver.task(instance, BpmnIds.CYBER_SIGNIFICANCE);
    assertThat(tasks.getIdentityLinksForTask(question.getId())).extracting(IdentityLink::getGroupId)
        .contains("security-ks", "dpo-ks");
    assertThat(question.getDueDate().toInstant()).isEqualTo(discovered.plus(Duration.ofHours(24)));
    assertThat(openCyberTasks(instance)).containsExactly(BpmnIds.CYBER_SIGNIFICANCE);

    driver.complete(instance, BpmnIds.CYBER_SIGNIFICANCE, "security", Map.of("cyberSignificant", true,
        "cyberSignificantReason", "Angriparen kan ha nått fler system: betydande skada för andra."));

    assertThat(incident(instance).cyber().decidedBy()).isEqualTo("security");
    assertThat(incident(instance).cyber().earlyWarningDeadline()).isEqualTo(discovered.plus(Duration.ofHours(24)));
    assertThat(openCyberTasks(instance)).containsExactly(BpmnIds.CYBER_EARLY_WARNING);
  }

  @Test
  void anIncidentThatIsNotSignificantGetsNoneOfIt() throws Exception {
    ProcessInstance instance = driver.report();
    assess(instance, Map.of());

    assertThat(incident(instance).cyber()).as("left empty: nobody has decided").isNull();
    assertThat(openCyberTasks(instance)).isEmpty();
    String path = "/api/incidents/" + incident(instance).number() + "/cyber";
    assertThat(put("security", path, Map.of("cyberSignificant", false,
        "cyberSignificantReason", "Ingen driftsstörning och ingen skada för andra.")).getStatusCode().value())
        .isEqualTo(200);
    CyberTrack cyber = incident(instance).cyber();
    assertThat(cyber.significant()).isFalse();
    assertThat(cyber.decidedBy()).isEqualTo("security");
    assertThat(cyber.earlyWarningDeadline()).isNull();
    assertThat(cyber.notificationDeadline()).isNull();
    assertThat(openCyberTasks(instance)).isEmpty();
    EngineClock.set(Times.now().plus(Duration.ofDays(40)));
    driver.fireDueTimers(instance);
    assertThat(outbox.noticesFor(incident(instance).number())).extracting(notice -> notice.kind().name())
        .noneMatch(kind -> kind.startsWith("CYBER_"));
  }

  @Test
  void theApiTheRegisterAndTheStatisticsShowTheCyberTrack() throws Exception {
    String day = Times.now().atZone(Times.STOCKHOLM).toLocalDate().toString();
    JsonNode before = json.readTree(get("/api/statistics?from=" + day + "&to=" + day));
    ProcessInstance instance = driver.report(hacking());
    assess(instance, Map.of("cyberSignificant", true, "cyberSignificantReason", "Allvarlig driftsstörning."));
    driver.complete(instance, BpmnIds.CYBER_EARLY_WARNING, "security", Map.of(
        "cyberFiledAt", Reports.formTime(Duration.ZERO), "cyberMalicious", "SUSPECTED"));
    String number = incident(instance).number();
    ProcessInstance other = driver.report();
    assess(other, Map.of());
    String otherNumber = incident(other).number();

    String view = get("/api/incidents/" + number);
    JsonNode cyber = json.readTree(view).get("cyber");
    assertThat(cyber).as(view).isNotNull();
    assertThat(cyber.has("significant")).as(cyber.toString()).isTrue();
    assertThat(cyber.get("significant").asBoolean()).isTrue();
    assertThat(cyber.get("decidedBy").asText()).isEqualTo("coordinator");
    assertThat(Instant.parse(cyber.get("earlyWarningDeadline").asText())).isEqualTo(discovered.plus(Duration.ofHours(24)));
    assertThat(Instant.parse(cyber.get("notificationDeadline").asText())).isEqualTo(discovered.plus(Duration.ofHours(72)));
    assertThat(cyber.has("earlyWarningFiledAt")).isTrue();
    assertThat(cyber.has("notificationFiledAt")).isFalse();
    assertThat(get("/api/incidents?cyber=true&size=200")).contains(number).doesNotContain(otherNumber);
    assertThat(get("/api/incidents?cyber=false&size=200")).contains(otherNumber).doesNotContain(number);
    assertThat(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents?cyber=maybe", String.class)
        .getStatusCode().value()).isEqualTo(400);
    JsonNode after = json.readTree(get("/api/statistics?from=" + day + "&to=" + day));
    assertThat(after.get("cyberSignificant").asInt() - before.get("cyberSignificant").asInt()).isOne();
    String register = new String(http.withBasicAuth("dpo", "dpo").getForEntity(
        "/api/register?format=csv&controller=ks&from=" + day + "&to=" + day, byte[].class).getBody(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(register).contains("Betydande incident enligt cybersäkerhetslagen").contains("Upplysning till CSIRT lämnad");
  }

  @Test
  void theAuthorityMayAskForADelrapportAndOnlyThoseWhoWorkTheCaseRecordIt() throws Exception {
    ProcessInstance instance = driver.report(hacking());
    assess(instance, Map.of("cyberSignificant", true, "cyberSignificantReason", "Allvarlig driftsstörning."));
    String number = incident(instance).number();
    String path = "/api/incidents/" + number + "/cyber/intermediate-report-requests";
    Instant due = Times.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    assertThat(post("reporter", path, Map.of("dueAt", due.toString())).getStatusCode().value()).isEqualTo(404);
    assertThat(post("manager", path, Map.of("dueAt", due.toString())).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> bad = post("security", path, Map.of("dueAt", "i morgon", "cyberSignificant", false));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field"))
        .contains("dueAt", "cyberSignificant");
    assertThat(openCyberTasks(instance)).doesNotContain(BpmnIds.CYBER_INTERMEDIATE_REPORT);

    ResponseEntity<String> asked = post("security", path, Map.of("dueAt", due.toString()));
    assertThat(asked.getStatusCode().value()).isEqualTo(201);
    Task task = driver.task(instance, BpmnIds.CYBER_INTERMEDIATE_REPORT);
    assertThat(task.getDueDate().toInstant()).isEqualTo(due);
    assertThat(incident(instance).cyber().intermediateDue()).isEqualTo(due);
    driver.complete(instance, BpmnIds.CYBER_INTERMEDIATE_REPORT, "security", Map.of(
        "cyberFiledAt", Reports.formTime(Duration.ZERO), "cyberSeverityImpact", "Lönesystemet är åter i drift."));
    assertThat(incident(instance).cyber().report(CyberReportKind.INTERMEDIATE_REPORT).filedBy()).isEqualTo("security");
    assertThat(openCyberTasks(instance)).containsExactly(BpmnIds.CYBER_EARLY_WARNING);

    ProcessInstance other = driver.report();
    assess(other, Map.of());
    assertThat(post("security", "/api/incidents/" + incident(other).number()
        + "/cyber/intermediate-report-requests", Map.of("dueAt", due.toString())).getStatusCode().value())
        .as("no significant incident").isEqualTo(409);
  }

  @Test
  void aLaterDecisionStartsTheTrackThroughTheApiForThoseWhoWorkTheCase() throws Exception {
    ProcessInstance instance = driver.report();
    assess(instance, Map.of());
    String path = "/api/incidents/" + incident(instance).number() + "/cyber";
    Map<String, Object> yes = Map.of("cyberSignificant", true,
        "cyberSignificantReason", "Det som såg ut som felskickad e-post var ett intrång: allvarlig driftsstörning.");

    assertThat(put("reporter", path, yes).getStatusCode().value()).isEqualTo(404);
    assertThat(put("manager", path, yes).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> bad = put("security", path, Map.of("cyberSignificant", "kanske", "notifyImy", false));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field"))
        .contains("cyberSignificant", "cyberSignificantReason", "notifyImy");
    assertThat(incident(instance).cyber()).isNull();

    ResponseEntity<String> decided = put("security", path, yes);
    assertThat(decided.getStatusCode().value()).isEqualTo(200);
    assertThat(Instant.parse(json.readTree(decided.getBody()).get("earlyWarningDeadline").asText()))
        .isEqualTo(discovered.plus(Duration.ofHours(24)));
    assertThat(incident(instance).cyber().decidedBy()).isEqualTo("security");
    assertThat(openCyberTasks(instance)).containsExactly(BpmnIds.CYBER_EARLY_WARNING);
    assertThat(driver.task(instance, BpmnIds.CYBER_EARLY_WARNING).getDueDate().toInstant())
        .isEqualTo(discovered.plus(Duration.ofHours(24)));

    assertThat(put("security", path, Map.of("cyberSignificant", false, "cyberSignificantReason", "Ändrat mig.")
        ).getStatusCode().value()).as("the reports have begun").isEqualTo(409);
    assertThat(put("security", path, yes).getStatusCode().value()).isEqualTo(409);
    assertThat(openCyberTasks(instance)).containsExactly(BpmnIds.CYBER_EARLY_WARNING);
  }

  // ----------------------------------------------------------------------------------------------- helpers

  private ResponseEntity<String> put(String user, String path, Object body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, user);
    return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
  }

  private ResponseEntity<String> post(String user, String path, Object body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, user);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
  }

  private String get(String path) {
    return http.withBasicAuth("dpo", "dpo").getForEntity(path, String.class).getBody();
  }

  /** An intrusion into the payroll system: what the rules say may be a significant incident. */
  private Map<String, Object> hacking() {
    Map<String, Object> values = Reports.misdirectedEmail();
    values.put("cause", "HACKING");
    values.put("description", "Intrång i lönesystemet.");
    values.put("breachTypes", Reports.json("[\"CONFIDENTIALITY\",\"AVAILABILITY\"]"));
    values.remove("recipient");
    values.put("recipientConfirmedDeletion", false);
    return values;
  }

  private void assess(ProcessInstance instance, Map<String, Object> cyber) {
    Map<String, Object> values = new HashMap<>(Map.of(
        "identifiability", "MAXIMUM",
        "confidentialityLoss", "UNKNOWN_RECIPIENTS",
        "integrityLoss", "NONE",
        "availabilityLoss", "NONE",
        "maliciousIntent", true,
        "unintelligible", false,
        "publiclyAvailable", false));
    values.putAll(cyber);
    driver.complete(instance, BpmnIds.ASSESS, "coordinator", values);
  }

  private Incident incident(ProcessInstance instance) {
    return incidents.findByProcessInstance(instance.getId()).orElseThrow();
  }

  private List<String> openCyberTasks(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).filter(key -> key.startsWith("userTask_cyber")).toList();
  }

  private long count(ProcessInstance instance, NoticeKind kind) {
    return outbox.noticesFor(incident(instance).number()).stream().filter(notice -> notice.kind() == kind).count();
  }
}
