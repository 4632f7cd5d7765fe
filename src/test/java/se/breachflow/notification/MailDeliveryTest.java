package se.breachflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.breachflow.access.Groups;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.shared.Times;

/**
 * The outbox against a real SMTP server (GreenMail): every kind of message reaches the right people with
 * the right subject and link, and none carries personal data from a report that is full of it.
 */
@BreachflowTest
class MailDeliveryTest {

  static final String BASE = "https://breachflow.exempelkommun.example";
  static final String TASKLIST = BASE + "/camunda/app/tasklist/default/#/?task=";
  static final Smtp SMTP = new Smtp();

  static final String REPORTER = "reporter@exempelkommun.example";
  static final String COORDINATOR = "coordinator@exempelkommun.example";
  static final String DPO = "dpo@exempelkommun.example";
  static final String MANAGER = "manager@exempelkommun.example";
  static final String DECIDER = "decider@exempelkommun.example";
  static final String DPO_FALLBACK = "dataskyddsombud@exempelkommun.example";

  /** A report that names a data subject and her personnummer in every free text. */
  static final String DESCRIPTION = "Anna Andersson 19121212-1212 fick sitt beslut om försörjningsstöd "
      + "skickat till grannen Bertil Berg.";
  static final String MEASURES = "Ringt Anna Andersson (19121212-1212) och bett Bertil Berg radera.";
  static final List<String> PERSONAL_DATA = List.of("Anna", "Andersson", "19121212-1212", "121212-1212",
      "1212121212", "Bertil", "Berg", "försörjningsstöd", "Rut", "Rapportör", "Sam ", "Samordnare", "Dana");

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    SMTP.start();
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
    registry.add("breachflow.public-base-url", () -> BASE + "/");
    registry.add("breachflow.mail.from", () -> "breachflow@exempelkommun.example");
    // A context of its own: its engine must not take the name 'default' from the shared context (BreachflowTest).
    registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
  }

  @Autowired FormService forms;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired Outbox outbox;
  @Autowired OutboxWorker worker;
  @Autowired OutboxProperties properties;

  @BeforeEach
  void atAKnownTimeWithSmtp() {
    SMTP.start();
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void reset() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @Test
  void shouldTellEachRoleOfEveryStepOfTheProcessWithoutPersonalData() throws Exception {
    String number = report();
    Task assess = task(number, BpmnIds.ASSESS);
    worker.deliverDue();

    Map<NoticeKind, Smtp.Mail> mails = bySubjectKind(number);
    Smtp.Mail receipt = mails.get(NoticeKind.INCIDENT_RECEIPT);
    assertThat(receipt.to()).containsExactly(REPORTER);
    assertThat(receipt.subject()).isEqualTo("Din rapport är mottagen: personuppgiftsincident " + number);
    assertThat(receipt.text()).contains(BASE + "/api/incidents/" + number).contains("Kommunstyrelsen");
    Smtp.Mail news = mails.get(NoticeKind.NEW_INCIDENT);
    assertThat(news.to()).containsExactly(COORDINATOR, DPO);
    assertThat(news.subject()).isEqualTo("Ny personuppgiftsincident " + number + " (Kommunstyrelsen)");
    assertThat(news.text()).contains("Frist för anmälan till IMY: 2026-11-23 kl. 10:30 (om 70 timmar)");
    Smtp.Mail candidate = mails.get(NoticeKind.TASK_CANDIDATE);
    assertThat(candidate.to()).containsExactly(COORDINATOR);
    assertThat(candidate.subject()).isEqualTo("Ny uppgift: Bedöm incidenten (" + number + ")");
    assertThat(candidate.text()).contains(TASKLIST + assess.getId());
    assertThat(candidate.html()).contains("href=\"" + TASKLIST + assess.getId() + "\"");
    assertThat(candidate.contentType()).startsWith("multipart/alternative");

    // An administrator hands the task to the coordinator: only the assignee hears of it.
    identity.setAuthentication("admin", List.of(Groups.ADMIN));
    tasks.setAssignee(assess.getId(), "coordinator");
    identity.clearAuthentication();
    complete(assess, "coordinator", Map.of("identifiability", "MAXIMUM", "confidentialityLoss", "KNOWN_RECIPIENTS",
        "integrityLoss", "NONE", "availabilityLoss", "NONE", "maliciousIntent", false, "unintelligible", false,
        "publiclyAvailable", false));
    Task review = task(number, BpmnIds.DPO_ADVICE);
    complete(review, "dpo", Map.of("dpoAdviceNotABreach", true, "dpoAdviceReasons",
        "Grannen är Anna Anderssons god man, 19121212-1212."));
    Task decision = task(number, BpmnIds.DECISION);
    complete(decision, "decider", Map.of("notABreach", true, "decisionJustification",
        "Grannen är Anna Anderssons god man, 19121212-1212."));
    worker.deliverDue();

    List<Smtp.Mail> all = SMTP.about(number);
    mails = bySubjectKind(number);
    Smtp.Mail assigned = mails.get(NoticeKind.TASK_ASSIGNED);
    assertThat(assigned.to()).containsExactly(COORDINATOR);
    assertThat(assigned.subject()).isEqualTo("Tilldelad uppgift: Bedöm incidenten (" + number + ")");
    assertThat(assigned.text()).contains(TASKLIST + assess.getId());
    assertThat(all).filteredOn(mail -> mail.subject().startsWith("Ny uppgift: Dataskyddsombudets bedömning"))
        .singleElement().satisfies(mail -> {
          assertThat(mail.to()).containsExactly(DPO);
          assertThat(mail.text()).contains(TASKLIST + review.getId());
        });
    assertThat(all).filteredOn(mail -> mail.subject().startsWith("Ny uppgift: Besluta om anmälan och information"))
        .singleElement().satisfies(mail -> {
          assertThat(mail.to()).containsExactly(DECIDER);
          assertThat(mail.text()).contains(TASKLIST + decision.getId());
        });
    Smtp.Mail closed = mails.get(NoticeKind.INCIDENT_CLOSED);
    assertThat(closed.to()).containsExactly(REPORTER);
    assertThat(closed.subject()).isEqualTo("Avslutad: personuppgiftsincident " + number);
    assertThat(closed.text()).contains(BASE + "/api/incidents/" + number);

    // Self-claims (the coordinator, the DPO and the decider took their tasks) are not announced.
    assertThat(all).filteredOn(mail -> mail.subject().startsWith("Tilldelad")).hasSize(1);
    assertThat(all).hasSize(7);
    assertNoPersonalData(all);
    assertThat(outbox.messagesFor(number)).allSatisfy(message -> {
      assertThat(message.status()).isEqualTo(OutboxStatus.SENT);
      assertThat(message.attempts()).isEqualTo(1);
      assertThat(message.sentAt()).isNotNull();
    });
  }

  @Test
  void shouldSendTheTimersMessagesToTheirAudiences() throws Exception {
    String number = report();
    Task assess = task(number, BpmnIds.ASSESS);
    enqueue(NoticeKind.DEADLINE_REMINDER, number, null, Audience.COORDINATORS, Audience.DPO);
    enqueue(NoticeKind.DEADLINE_ESCALATION, number, null, Audience.DPO, Audience.MANAGEMENT);
    enqueue(NoticeKind.DEADLINE_MISSED, number, null, Audience.MANAGEMENT, Audience.DPO);
    enqueue(NoticeKind.TASK_NOT_PICKED_UP, number, assess, Audience.TASK_CANDIDATES);
    enqueue(NoticeKind.SUPPLEMENT_REMINDER, number, assess, Audience.DPO);
    enqueue(NoticeKind.DATA_SUBJECT_REMINDER, number, assess, Audience.COORDINATORS, Audience.DPO);
    worker.deliverDue();

    Map<NoticeKind, Smtp.Mail> mails = bySubjectKind(number);
    assertThat(mails.get(NoticeKind.DEADLINE_REMINDER).to()).containsExactly(COORDINATOR, DPO);
    assertThat(mails.get(NoticeKind.DEADLINE_REMINDER).subject())
        .isEqualTo("Påminnelse: fristen för anmälan till IMY närmar sig (" + number + ")");
    assertThat(mails.get(NoticeKind.DEADLINE_REMINDER).text()).contains(BASE + "/api/incidents/" + number)
        .contains("2026-11-23 kl. 10:30");
    assertThat(mails.get(NoticeKind.DEADLINE_ESCALATION).to()).containsExactly(DPO, MANAGER);
    assertThat(mails.get(NoticeKind.DEADLINE_ESCALATION).subject())
        .isEqualTo("Brådskande: fristen för anmälan till IMY går snart ut (" + number + ")");
    assertThat(mails.get(NoticeKind.DEADLINE_MISSED).to()).containsExactly(DPO, MANAGER);
    assertThat(mails.get(NoticeKind.DEADLINE_MISSED).subject())
        .isEqualTo("Fristen för anmälan till IMY har passerat (" + number + ")");
    assertThat(mails.get(NoticeKind.DEADLINE_MISSED).text()).contains("skälen till förseningen");
    assertThat(mails.get(NoticeKind.TASK_NOT_PICKED_UP).to()).containsExactly(COORDINATOR);
    assertThat(mails.get(NoticeKind.TASK_NOT_PICKED_UP).subject())
        .isEqualTo("Uppgiften väntar fortfarande: Bedöm incidenten (" + number + ")");
    assertThat(mails.get(NoticeKind.TASK_NOT_PICKED_UP).text()).contains(TASKLIST + assess.getId());
    assertThat(mails.get(NoticeKind.SUPPLEMENT_REMINDER).to()).containsExactly(DPO);
    assertThat(mails.get(NoticeKind.SUPPLEMENT_REMINDER).subject())
        .isEqualTo("Påminnelse: komplettera anmälan till IMY (" + number + ")");
    assertThat(mails.get(NoticeKind.DATA_SUBJECT_REMINDER).to()).containsExactly(COORDINATOR, DPO);
    assertThat(mails.get(NoticeKind.DATA_SUBJECT_REMINDER).subject())
        .isEqualTo("Påminnelse: de registrerade ska informeras (" + number + ")");
    assertNoPersonalData(SMTP.about(number));
  }

  @Test
  void shouldFallBackToTheConfiguredDpoAddressWhenAGroupHasNoAddress() throws Exception {
    String number = report();
    identity.deleteMembership("manager", Groups.management("ks"));
    try {
      enqueue(NoticeKind.DEADLINE_MISSED, number, null, Audience.MANAGEMENT);
      worker.deliverDue();
    } finally {
      identity.createMembership("manager", Groups.management("ks"));
    }
    assertThat(bySubjectKind(number).get(NoticeKind.DEADLINE_MISSED).to()).containsExactly(DPO_FALLBACK);
  }

  @Test
  void shouldKeepEverythingThroughAnSmtpOutageAndThenDeliverEachMessageOnce() throws Exception {
    SMTP.stop();
    String number = report();
    Task assess = task(number, BpmnIds.ASSESS);
    complete(assess, "coordinator", Map.of("identifiability", "MAXIMUM", "confidentialityLoss", "KNOWN_RECIPIENTS",
        "integrityLoss", "NONE", "availabilityLoss", "NONE", "maliciousIntent", false, "unintelligible", false,
        "publiclyAvailable", false));

    assertThat(worker.deliverDue()).isZero();
    // The process went on: the DPO's task is open.
    task(number, BpmnIds.DPO_ADVICE);
    List<OutboxMessage> pending = outbox.messagesFor(number);
    assertThat(pending).extracting(OutboxMessage::kind).containsExactly(NoticeKind.INCIDENT_RECEIPT,
        NoticeKind.NEW_INCIDENT, NoticeKind.TASK_CANDIDATE, NoticeKind.TASK_CANDIDATE);
    Instant now = Times.now();
    assertThat(pending).allSatisfy(message -> {
      assertThat(message.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(message.attempts()).isEqualTo(1);
      assertThat(message.lastError()).contains("MailSendException").doesNotContain("@");
      assertThat(message.nextAttemptAt()).isEqualTo(now.plus(properties.initialBackoff()));
    });

    // Still down a minute later: the second wait is twice the first.
    EngineClock.set(now.plus(Duration.ofMinutes(1)));
    assertThat(worker.deliverDue()).isZero();
    assertThat(outbox.messagesFor(number)).allSatisfy(message -> {
      assertThat(message.attempts()).isEqualTo(2);
      assertThat(message.nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(3)));
    });

    SMTP.start();
    EngineClock.set(now.plus(Duration.ofMinutes(2)));
    assertThat(worker.deliverDue()).as("not yet due").isZero();
    EngineClock.set(now.plus(Duration.ofMinutes(3)));
    worker.deliverDue();
    EngineClock.set(now.plus(Duration.ofHours(5)));
    worker.deliverDue();
    worker.deliverDue();

    // Each message was sent once (one Message-ID), and each recipient got one copy of it.
    List<Smtp.Mail> received = SMTP.about(number);
    assertThat(received).extracting(Smtp.Mail::subject).doesNotHaveDuplicates().hasSize(4);
    assertThat(SMTP.copies(number)).hasSize(received.stream().mapToInt(mail -> mail.to().size()).sum());
    assertThat(outbox.messagesFor(number)).allSatisfy(message -> {
      assertThat(message.status()).isEqualTo(OutboxStatus.SENT);
      assertThat(message.attempts()).isEqualTo(3);
      assertThat(message.lastError()).isNull();
    });
  }

  @Test
  void shouldGiveUpAfterTheConfiguredAttemptsAndKeepTheLastError() throws Exception {
    String number = report();
    SMTP.stop();
    Instant start = Times.now();
    for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
      worker.deliverDue();
      EngineClock.set(Times.now().plus(properties.maxBackoff()));
    }
    SMTP.start();
    worker.deliverDue();

    assertThat(outbox.messagesFor(number)).allSatisfy(message -> {
      assertThat(message.status()).isEqualTo(OutboxStatus.FAILED);
      assertThat(message.attempts()).isEqualTo(properties.maxAttempts());
      assertThat(message.lastError()).isNotBlank();
      assertThat(message.sentAt()).isNull();
    });
    assertThat(SMTP.about(number)).isEmpty();
    assertThat(start).isBefore(Times.now());
  }

  @Test
  void shouldLetOnlyOneNodeClaimAMessage() {
    String number = report();
    OutboxMessage message = outbox.messagesFor(number).get(0);
    Instant now = Times.now();

    assertThat(outbox.claim(message, now, now.plus(properties.claimTimeout()))).isTrue();
    assertThat(outbox.claim(message, now, now.plus(properties.claimTimeout()))).as("second node").isFalse();
    assertThat(outbox.due(now, 1000)).extracting(OutboxMessage::id).doesNotContain(message.id());
  }

  // --- helpers ---

  private static void assertNoPersonalData(List<Smtp.Mail> mails) {
    assertThat(mails).isNotEmpty().allSatisfy(mail -> {
      assertThat(mail.all()).doesNotContain(DESCRIPTION).doesNotContain(MEASURES);
      for (String personal : PERSONAL_DATA) {
        assertThat(mail.all()).as(mail.subject()).doesNotContain(personal);
      }
    });
  }

  /** The messages about an incident by kind, recognised by their subjects (one of each kind expected). */
  private static Map<NoticeKind, Smtp.Mail> bySubjectKind(String number) throws Exception {
    Map<String, NoticeKind> prefixes = Map.ofEntries(
        Map.entry("Din rapport är mottagen", NoticeKind.INCIDENT_RECEIPT),
        Map.entry("Ny personuppgiftsincident", NoticeKind.NEW_INCIDENT),
        Map.entry("Ny uppgift: Bedöm", NoticeKind.TASK_CANDIDATE),
        Map.entry("Tilldelad uppgift", NoticeKind.TASK_ASSIGNED),
        Map.entry("Uppgiften väntar", NoticeKind.TASK_NOT_PICKED_UP),
        Map.entry("Påminnelse: fristen", NoticeKind.DEADLINE_REMINDER),
        Map.entry("Brådskande", NoticeKind.DEADLINE_ESCALATION),
        Map.entry("Fristen för anmälan", NoticeKind.DEADLINE_MISSED),
        Map.entry("Påminnelse: komplettera", NoticeKind.SUPPLEMENT_REMINDER),
        Map.entry("Påminnelse: de registrerade", NoticeKind.DATA_SUBJECT_REMINDER),
        Map.entry("Avslutad", NoticeKind.INCIDENT_CLOSED));
    Function<Smtp.Mail, NoticeKind> kind = mail -> prefixes.entrySet().stream()
        .filter(entry -> mail.subject().startsWith(entry.getKey())).map(Map.Entry::getValue).findFirst()
        .orElse(null);
    return SMTP.about(number).stream().filter(mail -> kind.apply(mail) != null)
        .collect(Collectors.toMap(kind, mail -> mail));
  }

  private void enqueue(NoticeKind kind, String number, Task task, Audience... audience) {
    outbox.enqueue(new Notice(kind, number, "ks", Set.of(audience), task == null ? null : task.getId(),
        task == null ? null : task.getName()));
  }

  private String report() {
    Map<String, Object> report = Reports.misdirectedEmail();
    report.put("description", DESCRIPTION);
    report.put("measuresTaken", MEASURES);
    return driver.report(report).getBusinessKey();
  }

  private Task task(String number, String key) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  private void complete(Task task, String userId, Map<String, Object> values) {
    identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId()).toList());
    try {
      if (tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
        tasks.claim(task.getId(), userId);
      }
      forms.submitTaskForm(task.getId(), driver.submission(task, values));
    } finally {
      identity.clearAuthentication();
    }
  }
}
