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
    assertThat(Pdfs.text(draft.getBody())).contains("UTKAST").contains("IMY:s diarienummer Ännu inte anmäld")
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
    String notification = Pdfs.text(filed.getBody());
    assertThat(notification).doesNotContain("UTKAST")
        .containsSubsequence("1. Personuppgiftsansvarig", "2. Kontaktperson", "3. Om incidenten",
            "4. Personuppgifter", "5. Sannolika konsekvenser", "6. Bedömning av allvarlighetsgrad", "7. Åtgärder",
            "8. Information till de registrerade", "9. Anmälans omfattning", "11. Sekretess")
        .doesNotContain("10. Skäl till försening")
        .contains("Personuppgiftsansvarigs namn Kommunstyrelsen")
        .contains("Organisationsnummer 212000-0001")
        .contains("Postadress Exempelkommunen, Box 1, 123 45 Exempelstad")
        .contains("Ert eget referensnummer " + number)
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
        .contains("Vilka åtgärder har vidtagits? Mottagaren ombedd att radera. Lösenord byttes för åtkomst.")
        .contains("Nej, inte ännu. De registrerade kommer att informeras.")
        .contains("Anmälan är preliminär och kommer att kompletteras")
        .contains("När skickades anmälan till IMY? 2026-11-20 kl. 11:45")
        .contains("Sida 1 av");

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
        .doesNotContain("Beskriv vad som har hänt").doesNotContain("Vilka typer av personuppgifter berörs?")
        .doesNotContain("3. Om incidenten");

    EngineClock.set("2026-11-25T12:00:00+01:00");
    complete(instance, BpmnIds.SUPPLEMENT_IMY, "dpo", Map.of(
        "imySupplementSubmittedAt", "2026-11-25T10:00+01:00",
        "supplementText", "Antalet berörda är fastställt till 30."));
    ResponseEntity<byte[]> supplement = download("dpo", number, "imy-supplement");
    assertThat(supplement.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("filed");
    assertThat(Pdfs.text(supplement.getBody())).doesNotContain("UTKAST")
        .contains("Vad kompletteringen gäller Antalet berörda är fastställt till 30.")
        .contains("När skickades kompletteringen? 2026-11-25 kl. 10:00")
        .contains("Ungefärligt antal berörda personer (registrerade) 30");

    complete(instance, BpmnIds.FOLLOW_UP, "coordinator", Map.of(
        "remedialActions", "Automatisk komplettering av adresser stängs av.",
        "lessonsLearned", "Kontrollera mottagare innan e-post med elevuppgifter skickas."));

    ResponseEntity<byte[]> closing = download("dpo", number, "incident-report");
    assertThat(closing.getHeaders().getFirst(DocumentController.STATE_HEADER)).isEqualTo("filed");
    String incidentReport = Pdfs.text(closing.getBody());
    assertThat(incidentReport).doesNotContain("UTKAST")
        .contains("Status Avslutad")
        .contains("Beskrivning " + DESCRIPTION)
        .contains("Preliminär riskbedömning").contains("Riskbedömning efter utredning")
        .contains("Beslutat av decider").contains("Anmälan till IMY Ja")
        .contains("IMY:s diarienummer IMY-2026-1234")
        .contains("Åtgärder efter incidenten Automatisk komplettering av adresser stängs av.")
        .contains("Lärdomar Kontrollera mottagare innan e-post med elevuppgifter skickas.")
        .contains("Avslutad av coordinator")
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
        .contains("Vilka åtgärder har vidtagits? Ej angivet")
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

    String text = Pdfs.text(download("dpo", number, "imy-notification").getBody());
    assertThat(text).contains("10. Skäl till försening")
        .contains("Fristen på 72 timmar från upptäckten gick ut 2026-11-23 kl. 10:30")
        .contains("Skäl till att anmälan görs senare än 72 timmar efter upptäckten")
        .contains("Incidenten upptäcktes inför en helg; dataskyddsombudet nåddes först på måndagen.")
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
