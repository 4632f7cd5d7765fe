package se.breachflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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
import se.breachflow.incident.CyberTrack;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.shared.Times;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.workflow.BpmnIds;

/**
 * The documents of the reports to the CSIRT under cybersäkerhetslagen (2025:1506) 2 kap. 5, 6 and 8 §§ (issue 20)
 * for a significant incident driven through the cyber track: each names the authority configured for the tests
 * (application-test.yml, not the defaults), its section, deadline, and the time and reference once filed; the
 * facts of NIS2 Art. 23(4) under their labels, "Ej känt ännu" where not known; the delay only when late; the
 * final-report document a lägesrapport while that is what was filed. A case that is not a significant incident has
 * none (409), and no one who may not see the incident's documents learns anything (404, as for the others).
 */
@BreachflowTest
class CyberDocumentsApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTHORITY = "Testmyndigheten för cybersäkerhet";
  private static final String UNIT = "Testenheten för incidentrapportering";
  private static final String CHANNEL = "Testportalen, https://rapportering.example.se";
  private static final String[] KINDS = {"cyber-early-warning", "cyber-notification", "cyber-final-report"};
  private static final String SEVERITY = "Lönesystemet är nere i två dygn; 900 anställda får lönen sent.";
  private static final String INDICATORS = "203.0.113.7; lonesystem-update.example.net";
  private static final String MITIGATION = "Lönesystemet isolerat och återställt från säkerhetskopia.";
  private static final String ROOT_CAUSE = "Nätfiske gav angriparen ett administratörskonto.";

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
  void shouldGiveTheThreeReportsOfASignificantIncidentWithTheirContent() {
    ProcessInstance instance = driver.report(hacking());
    String number = number(instance);
    assess(instance, true);
    CyberTrack cyber = incident(instance).cyber();

    // Before anything is filed: a draft that says what is not known yet.
    ResponseEntity<byte[]> draft = download("security", number, "cyber-early-warning");
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(draft.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(draft.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("draft");
    assertThat(draft.getHeaders().getContentDisposition().getFilename())
        .isEqualTo(number + "-upplysning-cybersakerhetslagen.pdf");
    assertThat(Pdfs.text(draft.getBody())).contains("UTKAST");
    assertThat(Pdfs.body(draft.getBody()))
        .contains("Underlag för upplysning om betydande incident enligt cybersäkerhetslagen")
        .contains(CyberReportContent.FILED_AT + " Ännu inte lämnad")
        .contains(CyberReportContent.MALICIOUS + " Ej känt ännu")
        .contains(CyberReportContent.CROSS_BORDER + " Ej känt ännu");

    driver.complete(instance, BpmnIds.CYBER_EARLY_WARNING, "security", Map.of(
        "cyberFiledAt", Reports.formTime(Duration.ofMinutes(10)), "cyberReference", "CSIRT-2026-17",
        "cyberMalicious", "SUSPECTED", "cyberCrossBorder", false));

    ResponseEntity<byte[]> filed = download("dpo", number, "cyber-early-warning");
    assertThat(filed.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("generated");
    String earlyWarning = Pdfs.body(filed.getBody());
    assertThat(earlyWarning)
        .contains("Till " + AUTHORITY + " (" + UNIT + ").")
        .contains("Lämnad 2026-11-20 kl. 11:50, myndighetens referens CSIRT-2026-17")
        .contains(CyberReportContent.LEGAL_BASIS + " Cybersäkerhetslagen (2025:1506) 2 kap. 5 § (upplysning)")
        .contains(CyberReportContent.RECIPIENT + " " + AUTHORITY)
        .contains(CyberReportContent.UNIT + " " + UNIT)
        .contains(CyberReportContent.CHANNEL + " " + CHANNEL)
        .contains(CyberReportContent.DEADLINE + " " + Times.display(cyber.earlyWarningDeadline())
            + " (24 timmar efter att verksamhetsutövaren fick kännedom om incidenten)")
        .contains(CyberReportContent.DEADLINE + " 2026-11-21 kl. 10:30")
        .contains(CyberReportContent.FILED_AT + " 2026-11-20 kl. 11:50")
        .contains(CyberReportContent.REFERENCE + " CSIRT-2026-17")
        .contains("Registrerad av Ivar Informationssäkerhet (security)")
        .contains(CyberReportContent.SIGNIFICANT + " Ja, bedömt 2026-11-20 kl. 12:00 av Sam Samordnare (coordinator)")
        .contains(CyberReportContent.SIGNIFICANT_REASON + " Lönesystemet är nere: allvarlig driftsstörning.")
        // the IMY document's facts
        .contains("Verksamhetsutövare Kommunstyrelsen")
        .contains("Organisationsnummer 212000-0001")
        .contains("Vårt referensnummer " + number)
        .contains("Kontaktperson Ivar Informationssäkerhet (security)")
        .contains("Beskrivning av vad som har hänt Intrång i lönesystemet.")
        .contains("Orsak enligt incidentrapporten Dataintrång eller skadlig kod")
        .contains("När inträffade incidenten? 2026-11-20 kl. 09:00")
        .contains("När fick verksamhetsutövaren kännedom om incidenten? 2026-11-20 kl. 10:30")
        .contains("När upphörde incidenten? Pågår (eller ej känt ännu)")
        .contains("Vilken typ av incident är det? Röjande")
        .contains("Förlust eller otillgänglighet")
        .contains(CyberReportContent.SYSTEMS + " Ej känt ännu utöver beskrivningen")
        .contains("Förlust av tillgänglighet Tillfälligt otillgängliga")
        .contains("Berörs personuppgifter? Ja, uppgifter om ungefär 3 personer")
        .contains("Åtgärder som vidtogs direkt Mottagaren ombedd att radera.")
        // the report's own facts (NIS2 Art. 23(4)(a))
        .contains(CyberReportContent.MALICIOUS + " Ja, den misstänks bero på olagliga eller avsiktligt skadliga "
            + "handlingar")
        .contains(CyberReportContent.CROSS_BORDER + " Nej")
        .contains("Anmälan av personuppgiftsincident till Integritetsskyddsmyndigheten (IMY) Ännu inte anmäld")
        .doesNotContain(CyberReportContent.LATE_REASON)
        .doesNotContain(CyberReportContent.DELAY)
        .doesNotContain(CyberReportContent.INDICATORS)
        .doesNotContain("civilt försvar");

    String notificationDraft = Pdfs.body(download("security", number, "cyber-notification").getBody());
    assertThat(notificationDraft)
        .contains("Underlag för incidentanmälan enligt cybersäkerhetslagen")
        .contains(CyberReportContent.SEVERITY_INITIAL + " Ej känt ännu")
        .contains(CyberReportContent.INDICATORS + " Ej känt ännu")
        .contains(CyberReportContent.EARLIER + " Upplysning om betydande incident (inom 24 timmar): lämnad "
            + "2026-11-20 kl. 11:50, referens CSIRT-2026-17");

    driver.complete(instance, BpmnIds.CYBER_NOTIFICATION, "security", Map.of(
        "cyberFiledAt", Reports.formTime(Duration.ZERO), "cyberReference", "CSIRT-2026-17-A",
        "cyberSeverityImpact", SEVERITY, "cyberIndicators", INDICATORS, "cyberCrossBorder", false,
        "cyberPoliceReportedAt", Reports.formTime(Duration.ZERO)));
    cyber = incident(instance).cyber();

    ResponseEntity<byte[]> notificationPdf = download("coordinator", number, "cyber-notification");
    assertThat(notificationPdf.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("generated");
    assertThat(Pdfs.body(notificationPdf.getBody()))
        .contains(CyberReportContent.LEGAL_BASIS + " Cybersäkerhetslagen (2025:1506) 2 kap. 6 § (incidentanmälan)")
        .contains(CyberReportContent.RECIPIENT + " " + AUTHORITY)
        .contains(CyberReportContent.DEADLINE + " 2026-11-23 kl. 10:30 (72 timmar efter att verksamhetsutövaren "
            + "fick kännedom om incidenten)")
        .contains(CyberReportContent.REFERENCE + " CSIRT-2026-17-A")
        .contains(CyberReportContent.MALICIOUS + " Ja, den misstänks")
        .contains(CyberReportContent.CROSS_BORDER + " Nej")
        .contains(CyberReportContent.SEVERITY_INITIAL + " " + SEVERITY)
        .contains(CyberReportContent.INDICATORS + " " + INDICATORS)
        .contains(CyberReportContent.MITIGATION + " Ej känt ännu")
        .contains(CyberReportContent.POLICE + " 2026-11-20 kl. 12:00")
        .contains(CyberReportContent.SECURITY_SERVICE + " Ej angivet")
        .doesNotContain(CyberReportContent.LATE_REASON);

    String finalDraft = Pdfs.body(download("security", number, "cyber-final-report").getBody());
    assertThat(finalDraft)
        .contains("Underlag för slutrapport enligt cybersäkerhetslagen")
        .contains(CyberReportContent.DEADLINE + " " + Times.display(cyber.finalReportDeadline())
            + " (en månad efter incidentanmälan)")
        .contains(CyberReportContent.DEADLINE + " 2026-12-20 kl. 12:00")
        .contains(CyberReportContent.ROOT_CAUSE + " Ej känt ännu")
        .contains(CyberReportContent.HANDLED_AT + " Ej känt ännu")
        .contains(CyberReportContent.SEVERITY_FINAL + " " + SEVERITY)
        .contains("Incidentanmälan (inom 72 timmar): lämnad 2026-11-20 kl. 12:00, referens CSIRT-2026-17-A");

    // A month later the incident is still ongoing: a lägesrapport.
    EngineClock.set("2026-12-18T09:00:00+01:00");
    driver.complete(instance, BpmnIds.CYBER_FINAL_REPORT, "security", Map.of(
        "cyberFinalStep", "PROGRESS_REPORT", "cyberFiledAt", Reports.formTime(Duration.ZERO),
        "cyberReference", "CSIRT-2026-17-L", "cyberSeverityImpact", SEVERITY, "cyberMitigation", MITIGATION));
    ResponseEntity<byte[]> progressPdf = download("security", number, "cyber-final-report");
    assertThat(progressPdf.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("generated");
    assertThat(Pdfs.body(progressPdf.getBody()))
        .contains("Underlag för lägesrapport enligt cybersäkerhetslagen")
        .doesNotContain("Underlag för slutrapport")
        .contains(CyberReportContent.LEGAL_BASIS + " Cybersäkerhetslagen (2025:1506) 2 kap. 8 § (lägesrapport)")
        .contains(CyberReportContent.DEADLINE + " 2026-12-20 kl. 12:00 (en månad efter incidentanmälan, när "
            + "incidenten fortfarande pågår)")
        .contains(CyberReportContent.REFERENCE + " CSIRT-2026-17-L")
        .contains(CyberReportContent.MITIGATION + " " + MITIGATION)
        .contains("Slutrapport Lämnas inom en månad efter att incidenten har hanterats")
        .doesNotContain(CyberReportContent.LATE_REASON);

    EngineClock.set("2026-12-28T09:00:00+01:00");
    driver.complete(instance, BpmnIds.CYBER_FINAL_REPORT, "security", Map.of(
        "cyberFinalStep", "FINAL_REPORT", "cyberFiledAt", Reports.formTime(Duration.ZERO),
        "cyberReference", "CSIRT-2026-17-S", "cyberSeverityImpact", SEVERITY, "cyberMitigation", MITIGATION,
        "cyberRootCause", ROOT_CAUSE, "cyberCrossBorder", false, "cyberHandledAt",
        Reports.formTime(Duration.ofDays(2))));
    String finalReport = Pdfs.body(download("manager", number, "cyber-final-report").getBody());
    assertThat(finalReport)
        .contains("Underlag för slutrapport enligt cybersäkerhetslagen")
        .doesNotContain("Underlag för lägesrapport")
        .contains(CyberReportContent.LEGAL_BASIS + " Cybersäkerhetslagen (2025:1506) 2 kap. 8 § (slutrapport)")
        .contains(CyberReportContent.RECIPIENT + " " + AUTHORITY)
        .contains(CyberReportContent.DEADLINE + " 2027-01-26 kl. 09:00 (en månad efter att incidenten har hanterats)")
        .contains(CyberReportContent.FILED_AT + " 2026-12-28 kl. 09:00")
        .contains(CyberReportContent.REFERENCE + " CSIRT-2026-17-S")
        .contains(CyberReportContent.HANDLED_AT + " 2026-12-26 kl. 09:00")
        .contains(CyberReportContent.ROOT_CAUSE + " " + ROOT_CAUSE)
        .contains(CyberReportContent.MITIGATION + " " + MITIGATION)
        .contains(CyberReportContent.SEVERITY_FINAL + " " + SEVERITY)
        .contains(CyberReportContent.CROSS_BORDER_FINAL + " Nej")
        .contains(CyberReportContent.MALICIOUS + " Ja, den misstänks")
        .contains("Lägesrapport (incidenten pågår): lämnad 2026-12-18 kl. 09:00, referens CSIRT-2026-17-L")
        .doesNotContain(CyberReportContent.LATE_REASON);
  }

  @Test
  void shouldGiveTheReasonsOnlyInALateReport() {
    ProcessInstance instance = driver.report(hacking());
    String number = number(instance);
    assess(instance, true);
    CyberTrack cyber = incident(instance).cyber();

    // Filed an hour after the 24 hours, with the reasons the form asks for.
    EngineClock.set(cyber.earlyWarningDeadline().plus(Duration.ofHours(1)));
    Map<String, Object> late = new HashMap<>(Map.of("cyberFiledAt", Reports.formTime(Duration.ZERO),
        "cyberReference", "CSIRT-2026-40", "cyberMalicious", "UNKNOWN",
        "cyberLateReason", "Intrånget upptäcktes inför helgen; samordnaren nåddes först på lördagen."));
    driver.complete(instance, BpmnIds.CYBER_EARLY_WARNING, "security", late);
    assertThat(Pdfs.body(download("dpo", number, "cyber-early-warning").getBody()))
        .contains(CyberReportContent.DELAY)
        .contains(CyberReportContent.MISSED_DEADLINE + " " + Times.display(cyber.earlyWarningDeadline()))
        .contains(CyberReportContent.LATE_REASON + " Intrånget upptäcktes inför helgen; samordnaren nåddes först "
            + "på lördagen.")
        .contains(CyberReportContent.MALICIOUS + " Det går inte att säga ännu");

    // Not filed, and the 72 hours have passed: the document says the reasons are still to be given.
    assertThat(Pdfs.body(download("dpo", number, "cyber-notification").getBody()))
        .doesNotContain(CyberReportContent.DELAY);
    EngineClock.set(cyber.notificationDeadline().plus(Duration.ofMinutes(1)));
    assertThat(Pdfs.body(download("dpo", number, "cyber-notification").getBody()))
        .contains(CyberReportContent.DELAY)
        .contains(CyberReportContent.MISSED_DEADLINE + " " + Times.display(cyber.notificationDeadline()))
        .contains(CyberReportContent.LATE_REASON + " Ej angivet ännu.");
  }

  @Test
  void shouldRefuseTheReportsOfACaseThatIsNotASignificantIncident() throws IOException {
    ProcessInstance notSignificant = notSignificant();
    assertThat(incident(notSignificant).cyber().significant()).isFalse();
    // The coordinator did not say yes, and the rules suggest it: the informationssäkerhetssamordnare is asked.
    ProcessInstance undecided = driver.report(hacking());
    assess(undecided, false);
    String undecidedNumber = number(undecided);
    assertThat(incident(undecided).cyber()).as("nobody has decided yet").isNull();

    for (String kind : KINDS) {
      JsonNode refused = conflict(download("dpo", number(notSignificant), kind));
      assertThat(refused.path("title").asText()).isEqualTo("Ingen betydande incident enligt cybersäkerhetslagen");
      assertThat(refused.path("detail").asText()).contains(number(notSignificant))
          .contains("är inte en betydande incident enligt cybersäkerhetslagen");
      assertThat(conflict(download("coordinator", undecidedNumber, kind)).path("detail").asText())
          .contains("ännu inte avgjort");
    }
    // The same answer as the supplement without a notification.
    assertThat(download("dpo", number(notSignificant), "imy-supplement").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  /** Attack: who may not see the incident's documents gets the other documents' 404, significant or not. */
  @Test
  void shouldGiveTheReportsToNoOneWhoMayNotSeeTheIncidentsDocuments() {
    user("sn-coordinator", Groups.STAFF, Groups.coordinators("sn"));
    user("sn-security", Groups.STAFF, Groups.security("sn"));
    user("other-reporter", Groups.STAFF);
    ProcessInstance significant = driver.report(hacking()); // a ks case, reported by "reporter"
    assess(significant, true);
    ProcessInstance notSignificant = notSignificant();

    for (ProcessInstance instance : new ProcessInstance[] {significant, notSignificant}) {
      String number = number(instance);
      for (String outsider : new String[] {"sn-coordinator", "sn-security", "other-reporter", "reporter"}) {
        HttpStatusCode imy = download(outsider, number, "imy-notification").getStatusCode();
        assertThat(imy).as(outsider + " and the IMY notification").isEqualTo(HttpStatus.NOT_FOUND);
        for (String kind : KINDS) {
          ResponseEntity<byte[]> answer = download(outsider, number, kind);
          assertThat(answer.getStatusCode()).as(outsider + " " + kind).isEqualTo(imy);
          assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
          assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).doesNotContain("betydande")
              .doesNotContain("lönesystemet");
        }
      }
      for (String kind : KINDS) {
        assertThat(http.getForEntity("/api/incidents/" + number + "/documents/" + kind, byte[].class)
            .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      }
    }
    // The controller's own case workers and management get them.
    for (String insider : new String[] {"security", "coordinator", "dpo", "manager", "admin"}) {
      assertThat(download(insider, number(significant), "cyber-notification").getStatusCode()).as(insider)
          .isEqualTo(HttpStatus.OK);
    }
    // Only as PDF, like the other documents but the EDPB export.
    ResponseEntity<byte[]> json = http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents/"
        + number(significant) + "/documents/cyber-notification?format=json", byte[].class);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  // ----------------------------------------------------------------------------------------------- helpers

  /** An intrusion into the payroll system, as in the cyber track's test. */
  private static Map<String, Object> hacking() {
    Map<String, Object> values = Reports.misdirectedEmail();
    values.put("cause", "HACKING");
    values.put("description", "Intrång i lönesystemet.");
    values.put("breachTypes", Reports.json("[\"CONFIDENTIALITY\",\"AVAILABILITY\"]"));
    values.remove("recipient");
    values.put("recipientConfirmedDeletion", false);
    return values;
  }

  /** The intrusion, which the informationssäkerhetssamordnare decides is not a significant incident. */
  private ProcessInstance notSignificant() {
    ProcessInstance instance = driver.report(hacking());
    assess(instance, false);
    driver.complete(instance, BpmnIds.CYBER_SIGNIFICANCE, "security", Map.of("cyberSignificant", false,
        "cyberSignificantReason", "Ett enskilt konto; ingen driftsstörning och ingen skada för andra."));
    return instance;
  }

  private void assess(ProcessInstance instance, boolean significant) {
    Map<String, Object> values = new HashMap<>(Map.of(
        "identifiability", "MAXIMUM",
        "confidentialityLoss", "UNKNOWN_RECIPIENTS",
        "integrityLoss", "NONE",
        "availabilityLoss", "TEMPORARY",
        "maliciousIntent", true,
        "unintelligible", false,
        "publiclyAvailable", false,
        "cyberSignificant", significant,
        "cyberSignificantReason", significant ? "Lönesystemet är nere: allvarlig driftsstörning."
            : "Ett enskilt konto; ingen driftsstörning och ingen skada för andra."));
    driver.complete(instance, BpmnIds.ASSESS, "coordinator", values);
  }

  private static JsonNode conflict(ResponseEntity<byte[]> response) throws IOException {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    return JSON.readTree(response.getBody());
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

  private ResponseEntity<byte[]> download(String user, String number, String kind) {
    return http.withBasicAuth(user, user).getForEntity("/api/incidents/" + number + "/documents/" + kind,
        byte[].class);
  }

  private Incident incident(ProcessInstance instance) {
    return incidents.findByProcessInstance(instance.getId()).orElseThrow();
  }

  private String number(ProcessInstance instance) {
    return incident(instance).number();
  }
}
