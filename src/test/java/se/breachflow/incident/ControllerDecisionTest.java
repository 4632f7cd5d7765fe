package se.breachflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.document.Pdfs;
import se.breachflow.notification.NoticeKind;
import se.breachflow.notification.Outbox;
import se.breachflow.notification.OutboxMessage;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.workflow.RefusedException;

/**
 * The controller decides on the DPO's advice (GDPR Art. 38(6), 39), and the duties around the notification
 * (EDPB Guidelines 9/2022): each path of version 2 of the process on the real engine, driven as Tasklist would.
 */
@BreachflowTest
class ControllerDecisionTest {

  /** In both roles of ks: may advise, and may decide, but not on a case they advised. */
  static final String DPO_AND_DECIDER = "decision-dpo-and-decider";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentDriver driver;
  @Autowired Outbox outbox;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    AccessUsers.create(identity, DPO_AND_DECIDER, Groups.STAFF, Groups.dpo("ks"), Groups.decisionMakers("ks"));
  }

  @AfterEach
  void resetClockAndUser() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void theDecisionMakerDecidesOnTheDposAdvice() {
    ProcessInstance instance = assessed();
    driver.advise(instance, true, true, null);
    Incident advised = incident(instance);
    assertThat(advised.dpoAdvice().advisedBy()).isEqualTo("dpo");
    assertThat(advised.decision()).as("the DPO's advice is no decision").isNull();
    assertThat(advised.status()).isEqualTo(IncidentStatus.DECISION);
    Task decision = driver.task(instance, BpmnIds.DECISION);
    assertThat(tasks.getIdentityLinksForTask(decision.getId())).extracting(link -> link.getGroupId())
        .containsExactly(Groups.decisionMakers("ks"));

    driver.decideAs(instance, "decider", true, true, null);

    Incident decided = incident(instance);
    assertThat(decided.decision().decidedBy()).isEqualTo("decider");
    assertThat(decided.decision().notifyImy()).isTrue();
    assertThat(decided.status()).isEqualTo(IncidentStatus.IMY_NOTIFICATION);
    assertThat(tasks.getIdentityLinksForTask(driver.task(instance, BpmnIds.NOTIFY_IMY).getId()))
        .extracting(link -> link.getGroupId())
        .as("filed by the DPO or a coordinator, on the controller's behalf")
        .containsExactlyInAnyOrder(Groups.dpo("ks"), Groups.coordinators("ks"));
  }

  @Test
  void whoeverGaveTheDposAdviceCannotTakeTheDecision() {
    ProcessInstance instance = assessed();
    driver.complete(instance, BpmnIds.DPO_ADVICE, DPO_AND_DECIDER, Map.of("dpoAdviceNotifyImy", true,
        "dpoAdviceInformDataSubjects", true));
    Task decision = driver.task(instance, BpmnIds.DECISION);

    // Claiming it, being assigned it (even by an administrator), completing it over engine REST: refused.
    assertThatThrownBy(() -> driver.as(DPO_AND_DECIDER, () -> tasks.claim(decision.getId(), DPO_AND_DECIDER)))
        .isInstanceOf(RefusedException.class).hasMessageContaining("artikel 38.6");
    assertThatThrownBy(() -> driver.as("admin", () -> tasks.setAssignee(decision.getId(), DPO_AND_DECIDER)))
        .isInstanceOf(RefusedException.class).hasMessageContaining("dataskyddsombudets bedömning");
    ResponseEntity<String> completed = post(DPO_AND_DECIDER, "/engine-rest/task/" + decision.getId()
        + "/submit-form", driver.submissionJson(decision, Map.of("notifyImy", true)));
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(completed.getBody()).contains("Du har lämnat dataskyddsombudets bedömning i ärendet");
    assertThat(incident(instance).decision()).isNull();
    assertThat(driver.task(instance, BpmnIds.DECISION).getAssignee()).isNull();

    // Another decision maker of the controller can.
    driver.decideAs(instance, "decider", true, true, null);
    assertThat(incident(instance).decision().decidedBy()).isEqualTo("decider");
  }

  @Test
  void theDposAdviceOnOneCaseDoesNotBarTheirDecisionOnAnother() {
    ProcessInstance advisedByDpo = assessed();
    driver.advise(advisedByDpo, true, true, null);
    driver.decideAs(advisedByDpo, DPO_AND_DECIDER, true, true, null);
    assertThat(incident(advisedByDpo).decision().decidedBy()).isEqualTo(DPO_AND_DECIDER);
  }

  @Test
  void aDecisionThatDepartsFromTheDposAdviceNeedsAJustification() {
    ProcessInstance instance = assessed();
    driver.advise(instance, true, true, null);
    Task decision = driver.task(instance, BpmnIds.DECISION);
    driver.as("decider", () -> tasks.claim(decision.getId(), "decider"));

    ResponseEntity<String> refused = post("decider", "/engine-rest/task/" + decision.getId() + "/submit-form",
        driver.submissionJson(decision, Map.of("notifyImy", false, "informDataSubjects", false)));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Beslutet avviker från dataskyddsombudets bedömning. Motivera beslutet.")
        .contains("decisionJustification");
    assertThat(incident(instance).decision()).isNull();

    ResponseEntity<String> justified = post("decider", "/engine-rest/task/" + decision.getId() + "/submit-form",
        driver.submissionJson(decision, Map.of("notifyImy", false, "informDataSubjects", false,
            "decisionJustification", "Mottagaren är en annan nämnd med tystnadsplikt och har raderat.")));
    assertThat(justified.getStatusCode()).as(justified.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(incident(instance).decision().justification())
        .isEqualTo("Mottagaren är en annan nämnd med tystnadsplikt och har raderat.");
  }

  @Test
  void anUrgentRiskInformsTheDataSubjectsBeforeTheNotification() {
    ProcessInstance instance = assessed();
    driver.advise(instance, true, true, null);
    driver.complete(instance, BpmnIds.DECISION, "decider", Map.of("notifyImy", true, "informDataSubjects", true,
        "informUrgently", true));
    assertThat(openTasks(instance)).containsExactlyInAnyOrder(BpmnIds.INFORM_URGENTLY, BpmnIds.NOTIFY_IMY);

    driver.complete(instance, BpmnIds.INFORM_URGENTLY, "coordinator", Map.of("dataSubjectCommunication",
        "INFORMED", "dataSubjectsInformedAt", "2026-11-20T12:00+01:00", "dataSubjectsInformedHow", "Brev och sms"));
    Incident informed = incident(instance);
    assertThat(informed.dataSubjects().communication()).isEqualTo(DataSubjectCommunication.INFORMED);
    assertThat(informed.imy()).as("informed before the notification").isNull();
    assertThat(openTasks(instance)).containsExactly(BpmnIds.NOTIFY_IMY);

    driver.notifyImy(instance, "2026-11-20T12:00+01:00", "COMPLETE");
    assertThat(openTasks(instance)).as("not informed a second time").containsExactly(BpmnIds.FOLLOW_UP);
    assertThat(passed(instance)).doesNotContain(BpmnIds.INFORM_DATA_SUBJECTS);
  }

  @Test
  void anOpenUrgentCommunicationAfterTheNotificationDoesNotMakeTheCaseLate() {
    ProcessInstance instance = assessed();
    driver.advise(instance, true, true, null);
    driver.complete(instance, BpmnIds.DECISION, "decider", Map.of("notifyImy", true, "informDataSubjects", true,
        "informUrgently", true));
    driver.notifyImy(instance, "2026-11-20T12:00+01:00", "COMPLETE");

    EngineClock.set("2026-11-24T12:00:00+01:00");
    driver.fireDueTimers(instance);

    assertThat(incident(instance).late()).isFalse();
    assertThat(outbox.messagesFor(number(instance))).extracting(OutboxMessage::kind)
        .doesNotContain(NoticeKind.DEADLINE_MISSED, NoticeKind.DEADLINE_ESCALATION);
    assertThat(openTasks(instance)).contains(BpmnIds.INFORM_URGENTLY);
  }

  @Test
  void imysOrderToInformTheDataSubjectsIsTrackedWithItsOwnDeadline() {
    ProcessInstance instance = notifiedWithoutInforming();
    EngineClock.set("2026-11-27T10:00:00+01:00");
    driver.complete(instance, BpmnIds.FOLLOW_UP, "coordinator", Map.of("nextStep", "IMY_ORDER",
        "imyOrderReceivedAt", "2026-11-27T09:00+01:00", "imyOrderDeadline", "2026-12-04T16:00+01:00"));

    Task ordered = driver.task(instance, BpmnIds.INFORM_BY_IMY_ORDER);
    assertThat(ordered.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-04T15:00:00Z"));
    ImyOrder order = incident(instance).imyOrder();
    assertThat(order.deadline()).isEqualTo(Instant.parse("2026-12-04T15:00:00Z"));
    assertThat(order.recordedBy()).isEqualTo("coordinator");
    assertThat(driver.timerDue(instance, "boundaryEvent_imyOrderReminder").toInstant())
        .isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));

    EngineClock.set("2026-12-03T16:30:00+01:00");
    driver.fireDueTimers(instance);
    EngineClock.set("2026-12-04T16:30:00+01:00");
    driver.fireDueTimers(instance);
    assertThat(outbox.messagesFor(number(instance))).extracting(OutboxMessage::kind)
        .containsSubsequence(NoticeKind.IMY_ORDER_REMINDER, NoticeKind.IMY_ORDER_MISSED);

    driver.complete(instance, BpmnIds.INFORM_BY_IMY_ORDER, "dpo", Map.of("dataSubjectCommunication", "INFORMED",
        "dataSubjectsInformedAt", "2026-12-04T16:00+01:00", "dataSubjectsInformedHow", "Brev till var och en"));
    assertThat(incident(instance).dataSubjects().how()).isEqualTo("Brev till var och en");
    assertThat(openTasks(instance)).as("back to the follow-up").containsExactly(BpmnIds.FOLLOW_UP);
    driver.followUp(instance);
    assertThat(incident(instance).status()).isEqualTo(IncidentStatus.CLOSED);
  }

  @Test
  void imysOrderNeedsItsDatesAndCannotEndBeforeItCame() {
    ProcessInstance instance = notifiedWithoutInforming();
    EngineClock.set("2026-11-27T10:00:00+01:00");
    Task followUp = driver.task(instance, BpmnIds.FOLLOW_UP);
    driver.as("coordinator", () -> tasks.claim(followUp.getId(), "coordinator"));
    ResponseEntity<String> refused = post("coordinator", "/engine-rest/task/" + followUp.getId() + "/submit-form",
        driver.submissionJson(followUp, Map.of("nextStep", "IMY_ORDER", "imyOrderReceivedAt",
            "2026-11-27T09:00+01:00", "imyOrderDeadline", "2026-11-26T09:00+01:00")));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("imyOrderDeadline").contains("Fristen kan inte gå ut innan föreläggandet kom.");
    assertThat(openTasks(instance)).containsExactly(BpmnIds.FOLLOW_UP);
  }

  @Test
  void aSupplementTellsImyItWasNotABreachAfterAll() {
    ProcessInstance instance = notifiedWithoutInforming();
    driver.complete(instance, BpmnIds.FOLLOW_UP, "coordinator", Map.of("nextStep", "SUPPLEMENT"));
    Task supplement = driver.task(instance, BpmnIds.SUPPLEMENT_IMY);
    assertThat(supplement.getDueDate().toInstant()).as("soon: the follow-up's supplement")
        .isEqualTo(Instant.parse("2026-12-04T11:00:00Z"));

    driver.complete(instance, BpmnIds.SUPPLEMENT_IMY, "dpo", Map.of("supplementKind", "NOT_A_BREACH",
        "imySupplementSubmittedAt", "2026-11-20T12:00+01:00",
        "supplementText", "Loggarna visar att mottagaren aldrig öppnade meddelandet; det krypterade utskicket "
            + "gick inte att läsa."));
    assertThat(incident(instance).imy().supplementKind()).isEqualTo(SupplementKind.NOT_A_BREACH);
    String filed = Pdfs.text(http.withBasicAuth("dpo", "dpo").getForEntity("/api/incidents/" + number(instance)
        + "/documents/imy-supplement", byte[].class).getBody());
    assertThat(filed).contains(SupplementKind.NOT_A_BREACH.label());

    driver.followUp(instance);
    assertThat(incident(instance).status()).isEqualTo(IncidentStatus.CLOSED_NOT_A_BREACH);
  }

  @Test
  void aSupplementNeedsANotificationToSupplement() {
    ProcessInstance instance = assessed();
    driver.decide(instance, false, false, "Mottagaren raderade direkt; ingen risk.");
    Task followUp = driver.task(instance, BpmnIds.FOLLOW_UP);
    driver.as("coordinator", () -> tasks.claim(followUp.getId(), "coordinator"));
    ResponseEntity<String> refused = post("coordinator", "/engine-rest/task/" + followUp.getId() + "/submit-form",
        driver.submissionJson(followUp, Map.of("nextStep", "SUPPLEMENT")));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("nextStep").contains("det finns ingen anmälan att komplettera");
  }

  private ProcessInstance assessed() {
    ProcessInstance instance = driver.report();
    driver.assess(instance, "KNOWN_RECIPIENTS");
    return instance;
  }

  /** Notified (complete), the data subjects not to be informed: the follow-up is open. */
  private ProcessInstance notifiedWithoutInforming() {
    ProcessInstance instance = assessed();
    driver.decide(instance, true, false, "Mottagaren har raderat; ingen hög risk för eleverna.");
    driver.notifyImy(instance, "2026-11-20T12:00+01:00", "COMPLETE");
    assertThat(openTasks(instance)).containsExactly(BpmnIds.FOLLOW_UP);
    return instance;
  }

  private Incident incident(ProcessInstance instance) {
    return incidents.findByProcessInstance(instance.getId()).orElseThrow();
  }

  private String number(ProcessInstance instance) {
    return incident(instance).number();
  }

  private List<String> openTasks(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private List<String> passed(ProcessInstance instance) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
