package se.breachflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/**
 * The outbox without an SMTP server (as in the demo): messages are written with the step that causes them,
 * stay pending, are logged once without personal data, and administrators see them over the API.
 */
@BreachflowTest
@ExtendWith(OutputCaptureExtension.class)
class OutboxApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired Outbox outbox;
  @Autowired OutboxWorker worker;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void reset() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void shouldKeepMessagesPendingAndLogEachOnceWithoutSmtp(CapturedOutput output) {
    String number = report(Reports.misdirectedEmail());
    assertThat(worker.smtpConfigured()).isFalse();

    // The worker announces a batch per run: the shared database may hold other tests' messages before these.
    List<OutboxMessage> messages = outbox.messagesFor(number);
    long last = messages.stream().mapToLong(OutboxMessage::id).max().orElseThrow();
    for (int run = 0; run < 100 && !output.getAll().contains("Outbox message " + last + " stays PENDING"); run++) {
      assertThat(worker.deliverDue()).isZero();
    }
    // Runs after that announce nothing again.
    assertThat(worker.deliverDue()).isZero();
    assertThat(worker.deliverDue()).isZero();

    messages = outbox.messagesFor(number);
    assertThat(messages).extracting(OutboxMessage::kind).containsExactly(NoticeKind.INCIDENT_RECEIPT,
        NoticeKind.NEW_INCIDENT, NoticeKind.TASK_CANDIDATE);
    assertThat(messages).allSatisfy(message -> {
      assertThat(message.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(message.attempts()).isZero();
      assertThat(output.getAll()).containsOnlyOnce("Outbox message " + message.id() + " stays PENDING");
    });
    assertThat(output.getAll()).contains("NEW_INCIDENT about " + number + " to [COORDINATORS, DPO]")
        .doesNotContain("elevers namn").doesNotContain("@exempelkommun");
  }

  @Test
  void shouldWriteNoMessageForAStepThatIsRolledBack() {
    long before = outbox.count(java.util.Optional.empty());
    Map<String, Object> invalid = Reports.misdirectedEmail();
    invalid.put("dataSubjectCount", 0);

    assertThatThrownBy(() -> report(invalid)).hasMessageContaining("Antalet berörda personer");
    assertThat(outbox.count(java.util.Optional.empty())).isEqualTo(before);
  }

  @Test
  void shouldListTheOutboxForAdministrators() throws Exception {
    String number = report(Reports.misdirectedEmail());

    ResponseEntity<String> response = get("admin", "/api/outbox?status=pending&size=200");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("size").asInt()).isEqualTo(200);
    assertThat(body.get("total").asLong()).isGreaterThanOrEqualTo(3);
    JsonNode receipt = null;
    for (JsonNode item : body.get("items")) {
      assertThat(item.get("status").asText()).isEqualTo("PENDING");
      if (item.get("incidentNumber").asText().equals(number) && item.get("kind").asText().equals("INCIDENT_RECEIPT")) {
        receipt = item;
      }
    }
    assertThat(receipt).isNotNull();
    assertThat(receipt.get("audience").get(0).asText()).isEqualTo("REPORTER");
    assertThat(receipt.get("attempts").asInt()).isZero();
    assertThat(receipt.get("createdAt").asText()).isEqualTo("2026-11-20T11:00:00Z");
    assertThat(receipt.has("lastError")).isTrue();
    assertThat(receipt.has("sentAt")).isTrue();
    assertThat(response.getBody()).doesNotContain("@").doesNotContain("elevers namn");

    JsonNode sent = json.readTree(get("admin", "/api/outbox?status=SENT").getBody());
    assertThat(sent.get("items")).isEmpty();
    assertThat(json.readTree(get("admin", "/api/outbox?page=0&size=1").getBody()).get("items")).hasSize(1);
  }

  @Test
  void shouldRefuseTheOutboxToEveryoneElse() {
    for (String user : List.of("dpo", "coordinator", "manager", "reporter")) {
      ResponseEntity<String> response = get(user, "/api/outbox");
      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(http.getForEntity("/api/outbox", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldRefuseABadQuery() throws Exception {
    ResponseEntity<String> response = get("admin", "/api/outbox?status=LOST&size=1000&page=-1");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("status", "size", "page");
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private String report(Map<String, Object> report) {
    return driver.report(report).getBusinessKey();
  }
}
