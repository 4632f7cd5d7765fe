package se.breachflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.Groups;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.workflow.BpmnIds;

/**
 * The notification as IMY's e-service asks it and as the EDPB's draft template shapes it, for an in-time and a
 * late case driven through the process: the new fields under IMY's labels, the delay only when late, every
 * template section in the export, and the export refused to anyone who may not see the incident's documents.
 */
@BreachflowTest
class NotificationExportApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LATE_REASON = "Dataskyddsombudet nåddes först efter helgen.";
  private static final String CONTACT_ADDRESS = "Kommunstyrelsen, att. dataskyddsombudet, Box 7, 123 45 Exempelstad";
  private static final String SECTIONS_MEASURES = "Behörighetsstyrning i e-postsystemet; utbildning i "
      + "informationssäkerhet för all personal.";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentDriver driver;

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void shouldPrintEveryNewFieldUnderImysLabelAndExportTheTemplateForAnInTimeCase() throws IOException {
    ProcessInstance instance = driver.report(fullReport());
    String number = number(instance);
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, true, "Beslut enligt rekommendationen.");
    driver.complete(instance, BpmnIds.NOTIFY_IMY, "dpo", Map.of("imyCaseNumber", "IMY-2026-3001",
        "imySubmittedAt", "2026-11-20T11:45+01:00", "imyReportType", "COMPLETE",
        "imyContactAddress", CONTACT_ADDRESS, "dataSubjectsPlannedAt", "2026-11-23T09:00+01:00"));

    String imy = Pdfs.body(download("dpo", number, "imy-notification", null).getBody());
    assertNewFieldsWithImysLabels(imy);
    assertThat(imy).contains("34. När kommer ni att informera de registrerade? 2026-11-23 kl. 09:00")
        .doesNotContain("Skäl till förseningen").doesNotContain(ImyNotificationContent.DELAY);

    JsonNode json = json(download("manager", number, "edpb-notification", "json"));
    assertEverySection(json);
    assertThat(json.path("templateVersion").asText()).isEqualTo(EdpbTemplate.VERSION);
    assertThat(json.path("notification").path("typeOfNotification").path("type").asText()).isEqualTo("NEW");
    assertThat(json.path("notification").path("typeOfNotification").path("subType").asText()).isEqualTo("COMPLETE");
    assertThat(json.path("notification").path("typeOfNotification").path("controllerReference").asText())
        .isEqualTo(number);
    JsonNode initial = json.path("initialInformation");
    assertThat(initial.path("dateAndTime").has("lateNotificationReason")).isTrue();
    assertThat(initial.path("dateAndTime").path("lateNotificationReason").isNull()).isTrue();
    assertThat(initial.path("dateAndTime").path("endedAt").asText()).isEqualTo("2026-11-20T09:30:00+01:00");
    assertThat(initial.path("dateAndTime").path("awareAt").asText()).isEqualTo("2026-11-20T10:30:00+01:00");
    assertThat(initial.path("dateAndTime").path("occurrence").asText()).isEqualTo("SPECIFIC_DAY");
    assertThat(initial.path("natureOfBreach").path("incidentType").asText()).isEqualTo("SENT_BY_MISTAKE");
    assertThat(texts(initial.path("dataSubjects").path("categories"))).contains("STUDENTS", "OTHER");
    assertThat(initial.path("dataSubjects").path("count").asInt()).isEqualTo(3);
    assertThat(initial.path("personalDataRecords").path("count").asInt()).isEqualTo(12);
    assertThat(texts(initial.path("personalDataRecords").path("dataTypes"))).containsExactly("BASIC", "CONTACT");
    assertThat(initial.path("measuresInPlace").path("description").asText()).isEqualTo(SECTIONS_MEASURES);
    assertThat(json.path("furtherInformation").path("riskAssessment").path("outcome").asText())
        .isEqualTo("HIGH_RISK");
    JsonNode communication = json.path("communicationToDataSubjects");
    assertThat(communication.path("status").asText()).isEqualTo("WILL_BE_COMMUNICATED_ON_DATE");
    assertThat(communication.path("plannedOn").asText()).isEqualTo("2026-11-23");
    assertThat(json.path("controllerAndReportingPerson").path("reportingPerson").path("name").asText())
        .isEqualTo("Dana Dataskyddsombud");
    assertThat(json.path("controllerAndReportingPerson").path("reportingPerson").path("function").asText())
        .isEqualTo("DPO");
    assertThat(json.path("nationalExtensions").path("se").path("imyContactAddress").asText())
        .isEqualTo(CONTACT_ADDRESS);
    assertThat(texts(json.path("nationalExtensions").path("se").path("dataSubjectGroups")))
        .containsExactly("PUPILS", "GUARDIANS");

    ResponseEntity<byte[]> pdf = download("dpo", number, "edpb-notification", null);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(download("dpo", number, "edpb-notification", "pdf").getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PDF);
    String edpb = Pdfs.body(pdf.getBody());
    assertSectionHeadings(edpb);
    assertThat(edpb).contains("47. När upphörde incidenten? 2026-11-20 kl. 09:30")
        .contains("73. Ungefärligt antal personuppgiftsposter 12")
        .contains("99. När kommer de registrerade att informeras? 2026-11-23")
        .doesNotContain("Skäl till förseningen");
  }

  @Test
  void shouldCarryTheDelayInBothDocumentsOfALateCase() throws IOException {
    ProcessInstance instance = driver.report(fullReport());
    String number = number(instance);
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    // Past the deadline of 72 hours from awareness (2026-11-23 10:30).
    EngineClock.set("2026-11-24T12:00:00+01:00");
    driver.decide(instance, true, false, "Beslut enligt rekommendationen.");
    driver.complete(instance, BpmnIds.NOTIFY_IMY, "dpo", Map.of("imyCaseNumber", "IMY-2026-3002",
        "imySubmittedAt", "2026-11-24T11:00+01:00", "imyReportType", "PRELIMINARY",
        "imyContactAddress", CONTACT_ADDRESS, "imyLateReason", LATE_REASON));

    String imy = Pdfs.body(download("dpo", number, "imy-notification", null).getBody());
    assertNewFieldsWithImysLabels(imy);
    assertThat(imy).contains("Del 10: " + ImyNotificationContent.DELAY)
        .contains("Skäl till förseningen " + LATE_REASON)
        .contains(ImyNotificationContent.DEADLINE + " 2026-11-23 kl. 10:30")
        .contains("Del 11: " + ImyNotificationContent.SECRECY);

    JsonNode json = json(download("dpo", number, "edpb-notification", "json"));
    assertEverySection(json);
    assertThat(json.path("initialInformation").path("dateAndTime").path("lateNotificationReason").asText())
        .isEqualTo(LATE_REASON);
    assertThat(json.path("notification").path("typeOfNotification").path("subType").asText())
        .isEqualTo("INCOMPLETE");
    assertThat(json.path("communicationToDataSubjects").path("status").asText())
        .isEqualTo("NOT_COMMUNICATED_NO_HIGH_RISK");

    String edpb = Pdfs.body(download("dpo", number, "edpb-notification", null).getBody());
    assertSectionHeadings(edpb);
    assertThat(edpb).contains("49. Skäl till förseningen " + LATE_REASON);
  }

  @Test
  void shouldRefuseAnUnknownFormatNamingIt() throws IOException {
    String number = number(driver.report());

    for (String kind : new String[] {"edpb-notification", "imy-notification"}) {
      ResponseEntity<byte[]> refused = download("dpo", number, kind, kind.startsWith("edpb") ? "xml" : "json");
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      JsonNode problem = JSON.readTree(refused.getBody());
      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("format");
      assertThat(problem.path("errors").get(0).path("reason").asText()).contains("format=pdf");
    }
    // A draft: not yet notified.
    ResponseEntity<byte[]> draft = download("dpo", number, "edpb-notification", "json");
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(draft).path("draft").asBoolean()).isTrue();
    assertEverySection(json(draft));
  }

  /** Attack: people who may not see the incident's documents get the same 404 for the export, in any format. */
  @Test
  void shouldGiveTheExportToNoOneWhoMayNotSeeTheIncidentsDocuments() {
    user("sn-coordinator", Groups.STAFF, Groups.coordinators("sn"));
    user("other-reporter", Groups.STAFF);
    ProcessInstance instance = driver.report(fullReport()); // a ks case, reported by "reporter"
    String number = number(instance);
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, true, "Beslut enligt rekommendationen.");

    for (String outsider : new String[] {"sn-coordinator", "other-reporter", "reporter"}) {
      HttpStatusCode imy = download(outsider, number, "imy-notification", null).getStatusCode();
      assertThat(imy).as(outsider + " and the IMY notification").isEqualTo(HttpStatus.NOT_FOUND);
      for (String format : new String[] {null, "json", "pdf", "xml"}) {
        ResponseEntity<byte[]> answer = download(outsider, number, "edpb-notification", format);
        assertThat(answer.getStatusCode()).as(outsider + " format " + format).isEqualTo(imy);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new String(answer.getBody(), java.nio.charset.StandardCharsets.UTF_8))
            .doesNotContain("E-post med tre elevers").doesNotContain("templateVersion");
      }
    }
    assertThat(http.getForEntity("/api/incidents/" + number + "/documents/edpb-notification?format=json",
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // The coordinator of the incident's own controller gets it.
    assertThat(download("coordinator", number, "edpb-notification", "json").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private static void assertNewFieldsWithImysLabels(String imy) {
    assertThat(imy).contains("Integritetsskyddsmyndigheten")
        .contains("9. Den adress ni önskar bli kontaktad på " + CONTACT_ADDRESS)
        .contains("13. När upphörde incidenten? 2026-11-20 kl. 09:30")
        .contains("25. Vilka grupper tillhör de registrerade? Elever Vårdnadshavare")
        .contains("26. Vilken sorts personuppgifter har incidenten drabbat? Namn och andra identitetsuppgifter")
        .contains(ImyNotificationContent.RECORD_COUNT + " 12")
        .contains(ImyNotificationContent.SECURITY_BEFORE + " " + SECTIONS_MEASURES)
        .contains("28. Vad kan bli konsekvenserna av incidenten?")
        .contains("30. Hur har ni agerat efter incidenten?")
        .contains("Beslut om anmälan fattat av Bo Beslutsfattare (decider)")
        .contains("Dataskyddsombudets bedömning lämnad av Dana Dataskyddsombud (dpo)")
        .contains("Anmälan gjord av Dana Dataskyddsombud (dpo)")
        .doesNotContain("Del 12");
  }

  private static void assertEverySection(JsonNode json) {
    assertThat(json.isObject()).isTrue();
    for (String section : new String[] {"notification", "controllerAndReportingPerson", "initialInformation",
        "furtherInformation", "communicationToDataSubjects", "otherIssues", "attachments", "nationalExtensions"}) {
      assertThat(json.path(section).isObject()).as(section).isTrue();
      assertThat(json.path(section).size()).as(section + " has answers").isPositive();
    }
    assertThat(json.path("controllerAndReportingPerson").path("controller").path("name").asText())
        .isEqualTo("Kommunstyrelsen");
    for (String subsection : new String[] {"dateAndTime", "natureOfBreach", "dataSubjects", "personalDataRecords",
        "measuresInPlace"}) {
      assertThat(json.path("initialInformation").path(subsection).isObject()).as(subsection).isTrue();
    }
    for (String subsection : new String[] {"likelyConsequences", "riskAssessment", "measuresToAddress",
        "measuresToPrevent"}) {
      assertThat(json.path("furtherInformation").path(subsection).isObject()).as(subsection).isTrue();
    }
    assertThat(json.path("communicationToDataSubjects").path("status").isTextual()).isTrue();
  }

  private static void assertSectionHeadings(String pdf) {
    assertThat(pdf).contains("Integritetsskyddsmyndigheten").containsSubsequence(
        "1. Information om anmälan av personuppgiftsincidenten", "1.1 Typ av anmälan",
        "2. Den personuppgiftsansvarige och den som anmäler", "2.1 Om den personuppgiftsansvarige",
        "3. Inledande uppgifter om personuppgiftsincidenten", "3.1 Datum och tid", "3.3 Kategorier och antal registrerade",
        "4. Ytterligare uppgifter om personuppgiftsincidenten", "4.2 Bedömning av risken",
        "5. Information till de registrerade", "97. Har de registrerade informerats?",
        "6. Övriga frågor", "7. Bilagor", "Svenska tillägg");
  }

  private static Map<String, Object> fullReport() {
    Map<String, Object> report = Reports.misdirectedEmail();
    report.put("endedAt", "2026-11-20T09:30+01:00");
    report.put("recordCount", 12);
    report.put("dataSubjectGroups", Reports.json("[\"PUPILS\",\"GUARDIANS\"]"));
    report.put("securityMeasuresBefore", SECTIONS_MEASURES);
    return report;
  }

  private void user(String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id);
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
  }

  private static java.util.List<String> texts(JsonNode array) {
    java.util.List<String> out = new java.util.ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  private static JsonNode json(ResponseEntity<byte[]> response) throws IOException {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    return JSON.readTree(response.getBody());
  }

  private ResponseEntity<byte[]> download(String user, String number, String kind, String format) {
    return http.withBasicAuth(user, user).getForEntity("/api/incidents/" + number + "/documents/" + kind
        + (format == null ? "" : "?format=" + format), byte[].class);
  }

  private String number(ProcessInstance instance) {
    return incidents.findByProcessInstance(instance.getId()).orElseThrow().number();
  }
}
