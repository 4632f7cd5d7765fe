package se.breachflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.breachflow.access.Groups;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.shared.Records;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/**
 * The documents of incidents driven through the process as Tasklist would, downloaded over the API and read
 * back: one incident with every field filled, one with the minimum, one notified late.
 */
@BreachflowTest
class DocumentsApiTest {

  private static final String DESCRIPTION = "E-post med elevers namn skickades till fel vårdnadshavare; "
      + "\"Åsa\" & <b>Östen</b> **Émile** [x](http://x).";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentDriver driver;

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClockAndUser() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void shouldGiveEveryDocumentOfAnIncidentWithEveryFieldFilled() {
    Map<String, Object> report = Reports.misdirectedEmail();
    report.put("description", DESCRIPTION);
    report.put("processorInvolved", true);
    report.put("processor", "Skolplattformen AB");
    report.put("measuresTaken", "Mottagaren ombedd att radera. Lösenord byttes för åtkomst.");
    ProcessInstance instance = report(report);
    String number = number(instance);

    ResponseEntity<byte[]> draft = download("dpo", number, "imy-notification");
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(draft.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(draft.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("draft");
    assertThat(Pdfs.text(draft.getBody())).contains("UTKAST");
    assertThat(Pdfs.body(draft.getBody())).contains("IMY:s diarienummer Ännu inte anmäld")
        .contains("Beskriv vad som har hänt " + DESCRIPTION);

    complete(instance, BpmnIds.ASSESS, "coordinator", Map.of("identifiability", "MAXIMUM",
        "confidentialityLoss", "UNKNOWN_RECIPIENTS", "integrityLoss", "NONE", "availabilityLoss", "NONE",
        "maliciousIntent", false, "unintelligible", false, "publiclyAvailable", false));
    driver.decide(instance, true, true, "Beslut enligt rekommendationen.");
    complete(instance, BpmnIds.NOTIFY_IMY, "dpo", Map.of("imyCaseNumber", "IMY-2026-1234",
        "imySubmittedAt", "2026-11-20T11:45+01:00", "imyReportType", "PRELIMINARY"));

    ResponseEntity<byte[]> filed = download("manager", number, "imy-notification");
    assertThat(filed.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("filed");
    assertThat(filed.getHeaders().getFirst(IncidentDocuments.SHA256_HEADER))
        .isEqualTo(IncidentDocuments.sha256(filed.getBody()));
    String notification = Pdfs.body(filed.getBody());
    assertThat(notification).doesNotContain("UTKAST")
        .containsSubsequence("Del 1: Personuppgiftsansvarig", "Del 2: Kontaktuppgifter", "Del 3: Om incidenten",
            "Del 4: Registrerade och personuppgifter", "Del 5: Konsekvenser", "Del 6: Allvarlighetsgrad",
            "Del 7: Åtgärder", "Del 8: Information till de registrerade", "Del 9: Om anmälan", "Del 10: Sekretess")
        .doesNotContain(ImyNotificationContent.DELAY).doesNotContain(ImyNotificationContent.LATE_REASON)
        .contains("Personuppgiftsansvarigs namn Kommunstyrelsen")
        .contains("Organisationsnummer 212000-0001")
        .contains("3. Organisationens postadress Exempelkommunen, Box 1, 123 45 Exempelstad")
        .contains("Ert referensnummer " + number)
        .contains("IMY:s diarienummer IMY-2026-1234")
        .contains("Kontaktperson för anmälan Dana Dataskyddsombud (dpo@exempelkommun.example)")
        .contains("Dataskyddsombudets e-postadress dataskyddsombud@exempelkommun.example")
        .contains("När inträffade incidenten? 2026-11-20 kl. 09:00")
        .contains("När upptäcktes incidenten? 2026-11-20 kl. 10:30")
        .contains("Beskriv vad som har hänt " + DESCRIPTION)
        .contains("Felskickad e-post").contains("Skolplattformen AB")
        .contains("Namn och andra identitetsuppgifter")
        .contains("Ungefärligt antal berörda personer (registrerade) 3")
        .contains("Risknivå för de registrerade")
        .contains("30. Hur har ni agerat efter incidenten? Vidtagna åtgärder: Mottagaren ombedd att radera. "
            + "Lösenord byttes för åtkomst.")
        .contains("Nej, inte ännu. De registrerade kommer att informeras.")
        .contains("Anmälan är preliminär och kommer att kompletteras")
        .contains("När skickades anmälan till IMY? 2026-11-20 kl. 11:45");
    assertThat(Pdfs.text(filed.getBody())).contains("Sida 1 av");

    // A later change of the record does not change what was filed.
    Incident incident = incidents.find(number).orElseThrow();
    IncidentReport r = incident.report();
    incidents.updateReport(number, Records.with(r, "dataSubjectCount", 30), incident.facts());
    assertThat(download("dpo", number, "imy-notification").getBody()).isEqualTo(filed.getBody());

    EngineClock.set("2026-11-21T10:00:00+01:00");
    complete(instance, BpmnIds.INFORM_DATA_SUBJECTS, "coordinator", Map.of(
        "dataSubjectCommunication", "INFORMED",
        "dataSubjectsInformedAt", "2026-11-21T09:00+01:00",
        "dataSubjectsInformedHow", "Brev till vårdnadshavarna"));

    ResponseEntity<byte[]> supplementDraft = download("dpo", number, "imy-supplement");
    assertThat(supplementDraft.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("draft");
    String changes = Pdfs.text(supplementDraft.getBody());
    assertThat(changes).contains("UTKAST")
        .contains("Ungefärligt antal berörda personer (registrerade) 30")
        .contains("Hur informerades de registrerade? Brev till vårdnadshavarna")
        .doesNotContain("Beskriv vad som har hänt").doesNotContain(ImyNotificationContent.Q26_DATA)
        .doesNotContain(ImyNotificationContent.INCIDENT);

    EngineClock.set("2026-11-25T12:00:00+01:00");
    complete(instance, BpmnIds.SUPPLEMENT_IMY, "dpo", Map.of(
        "imySupplementSubmittedAt", "2026-11-25T10:00+01:00",
        "supplementText", "Antalet berörda är fastställt till 30."));
    ResponseEntity<byte[]> supplement = download("dpo", number, "imy-supplement");
    assertThat(supplement.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("filed");
    assertThat(Pdfs.text(supplement.getBody())).doesNotContain("UTKAST")
        .contains(ImyNotificationContent.SUPPLEMENT_KIND + " Komplettering med uppgifter som saknades i anmälan")
        .contains("Vad kompletteringen gäller Antalet berörda är fastställt till 30.")
        .contains("När skickades kompletteringen? 2026-11-25 kl. 10:00")
        .contains("Ungefärligt antal berörda personer (registrerade) 30");

    complete(instance, BpmnIds.FOLLOW_UP, "coordinator", Map.of(
        "remedialActions", "Automatisk komplettering av adresser stängs av.",
        "lessonsLearned", "Kontrollera mottagare innan e-post med elevuppgifter skickas."));

    ResponseEntity<byte[]> closing = download("dpo", number, "incident-report");
    assertThat(closing.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("filed");
    String incidentReport = Pdfs.body(closing.getBody());
    assertThat(incidentReport).doesNotContain("UTKAST")
        .contains("Status Avslutad")
        .contains("Beskrivning " + DESCRIPTION)
        .contains("Preliminär riskbedömning").contains("Riskbedömning efter utredning")
        .containsSubsequence("Dataskyddsombudets bedömning", "Bedömning lämnad av Dana Dataskyddsombud (dpo)",
            "Instämmer i reglernas rekommendation Ja", "Skäl Beslut enligt rekommendationen.",
            "Den personuppgiftsansvariges beslut", "Beslutat av Bo Beslutsfattare (decider)",
            "Informeras skyndsamt, före eller samtidigt med anmälan Nej", "Följer dataskyddsombudets bedömning Ja",
            "Motivering Beslut enligt rekommendationen.")
        .contains("Registrerad av Dana Dataskyddsombud (dpo)").contains("Anmälan till IMY Ja")
        .contains("IMY:s diarienummer IMY-2026-1234")
        .contains("Åtgärder efter incidenten Automatisk komplettering av adresser stängs av.")
        .contains("Lärdomar Kontrollera mottagare innan e-post med elevuppgifter skickas.")
        .contains("Avslutad av Sam Samordnare (coordinator)")
        .containsSubsequence("Händelseförlopp", "Registrera incidenten", "Bedöm incidenten", "Av: coordinator",
            "Dataskyddsombudets bedömning", "Av: dpo", "Besluta om anmälan och information", "Av: decider",
            "Anmäl till IMY", "Av: dpo", "Följ upp och avsluta",
            "Av: coordinator", "Avsluta i registret");
    assertThat(incidentReport).contains("– Informera de registrerade Av: coordinator; klar 2026-11-21 kl. 10:00")
        .contains("– Komplettera anmälan till IMY Av: dpo; klar 2026-11-25 kl. 12:00")
        .contains("– Följ upp och avsluta Av: coordinator; klar 2026-11-25 kl. 12:00").doesNotContain("pågår");

    String letter = Pdfs.text(download("coordinator", number, "data-subject-letter").getBody());
    assertThat(letter).contains("Information om en personuppgiftsincident")
        .contains("Vi på Kommunstyrelsen vill berätta")
        .contains("Orsak: felskickad e-post.")
        .contains("Vi har anmält incidenten till Integritetsskyddsmyndigheten (IMY).")
        .contains("E-post dataskyddsombud@exempelkommun.example")
        .doesNotContain("Åsa").doesNotContain("Östen").doesNotContain("vårdnadshavare;");
  }

  @Test
  void shouldGiveTheDocumentsOfAnIncidentWithTheMinimum() throws Exception {
    Map<String, Object> minimum = new HashMap<>();
    minimum.put("controllerId", "sn");
    minimum.put("description", "En pärm med uppgifter om en brukare saknas.");
    minimum.put("cause", "LOST_OR_STOLEN");
    minimum.put("breachTypes", Reports.json("[\"AVAILABILITY\"]"));
    minimum.put("dataCategories", Reports.json("[\"IDENTITY\"]"));
    minimum.put("dataSubjectCount", 1);
    String number = number(report(minimum));

    ResponseEntity<byte[]> imy = download("dpo", number, "imy-notification");
    assertThat(imy.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("draft");
    assertThat(Pdfs.text(imy.getBody())).contains("UTKAST")
        .contains("Personuppgiftsansvarigs namn Socialnämnden")
        .contains("När inträffade incidenten? Ej angivet")
        .contains("När upptäcktes incidenten? 2026-11-20 kl. 12:00")
        .contains("Beskriv vad som har hänt En pärm med uppgifter om en brukare saknas.")
        .contains("Förlust eller otillgänglighet")
        .contains("Kontaktperson för anmälan Ej angivet")
        .contains("30. Hur har ni agerat efter incidenten? Vidtagna åtgärder: Ej angivet Planerade åtgärder: Ej angivet")
        .contains(ImyNotificationContent.Q13_ENDED + " Pågår")
        .contains(ImyNotificationContent.Q25_GROUPS + " Ej angivet")
        .contains(ImyNotificationContent.RECORD_COUNT + " Ej angivet")
        .contains("Har de registrerade informerats? Nej, inte ännu. Frågan är inte avgjord.")
        .contains("Är anmälan fullständig eller kommer den att kompletteras? Ej fastställt");

    ResponseEntity<byte[]> supplement = download("dpo", number, "imy-supplement");
    assertThat(supplement.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(supplement.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    ResponseEntity<byte[]> report = download("coordinator", number, "incident-report");
    assertThat(report.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("draft");
    assertThat(Pdfs.text(report.getBody())).contains("UTKAST").contains("Inget beslut har fattats ännu.")
        .contains("Registrera incidenten").contains("Bedöm incidenten").contains("pågår");

    assertThat(Pdfs.text(download("dpo", number, "data-subject-letter").getBody()))
        .contains("Incidenten upptäcktes 2026-11-20 kl. 12:00.")
        .contains("uppgifter om dig har förlorats eller inte gått att använda under en tid");
  }

  @Test
  void shouldCarryTheDelayInALateNotification() {
    String number;
    ProcessInstance instance = report(Reports.misdirectedEmail());
    number = number(instance);
    complete(instance, BpmnIds.ASSESS, "coordinator", Map.of("identifiability", "MAXIMUM",
        "confidentialityLoss", "UNKNOWN_RECIPIENTS", "integrityLoss", "NONE", "availabilityLoss", "NONE",
        "maliciousIntent", false, "unintelligible", false, "publiclyAvailable", false));
    EngineClock.set("2026-11-24T12:00:00+01:00");
    driver.decide(instance, true, false, "Beslut enligt rekommendationen.");
    complete(instance, BpmnIds.NOTIFY_IMY, "dpo", Map.of("imyCaseNumber", "IMY-2026-2000",
        "imySubmittedAt", "2026-11-24T11:00+01:00", "imyReportType", "COMPLETE",
        "imyLateReason", "Incidenten upptäcktes inför en helg; dataskyddsombudet nåddes först på måndagen."));

    String text = Pdfs.body(download("dpo", number, "imy-notification").getBody());
    assertThat(text).contains("Del 10: " + ImyNotificationContent.DELAY)
        .contains(ImyNotificationContent.DEADLINE + " 2026-11-23 kl. 10:30")
        .contains(ImyNotificationContent.LATE_REASON
            + " Incidenten upptäcktes inför en helg; dataskyddsombudet nåddes först på måndagen.")
        .contains("Del 11: " + ImyNotificationContent.SECRECY)
        .contains("Anmälan är fullständig");
  }

  @Test
  void shouldFollowTheIncidentsAccessRules() {
    if (identity.createUserQuery().userId("stranger").count() == 0) {
      User stranger = identity.newUser("stranger");
      stranger.setPassword("stranger");
      identity.saveUser(stranger);
      identity.createMembership("stranger", Groups.STAFF);
    }
    String number = number(report(Reports.misdirectedEmail()));

    assertThat(download("stranger", number, "imy-notification").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(download("stranger", number, "incident-report").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // Documents are case data: the reporter sees the status of the report, not the DPO's documents.
    assertThat(download("reporter", number, "imy-notification").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(download("dpo", number, "imy-notification").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<byte[]> unknownKind = download("dpo", number, "love-letter");
    assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(new String(unknownKind.getBody(), StandardCharsets.UTF_8)).contains("imy-notification");
    assertThat(http.getForEntity("/api/incidents/" + number + "/documents/imy-notification", byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<byte[]> download(String user, String number, String kind) {
    return http.withBasicAuth(user, user).getForEntity("/api/incidents/" + number + "/documents/" + kind,
        byte[].class);
  }

  private ProcessInstance report(Map<String, Object> values) {
    return driver.report(values);
  }

  private String number(ProcessInstance instance) {
    return incidents.findByProcessInstance(instance.getId()).orElseThrow().number();
  }

  private void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    driver.complete(instance, taskKey, userId, values);
  }
}
