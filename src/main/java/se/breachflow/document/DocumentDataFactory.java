package se.breachflow.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

import se.breachflow.access.SystemCalls;
import se.breachflow.incident.FollowUp;
import se.breachflow.incident.Incident;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.workflow.BpmnIds;

/** Gathers the data of an incident's documents: the record, the controller, the people and the history. */
@Component
class DocumentDataFactory {

  /** Activities that are steps someone or something took; gateways and internal events are left out. */
  private static final Set<String> STEPS = Set.of("startEvent", "userTask", "serviceTask", "businessRuleTask",
      "noneEndEvent");

  private final ControllerRegistry controllers;
  private final HistoryService history;
  private final IdentityService identity;
  private final SystemCalls system;
  private final RepositoryService repository;

  DocumentDataFactory(ControllerRegistry controllers, HistoryService history, IdentityService identity,
      SystemCalls system, RepositoryService repository) {
    this.repository = repository;
    this.controllers = controllers;
    this.history = history;
    this.identity = identity;
    this.system = system;
  }

  DocumentData of(Incident incident, Instant now) {
    DataController controller = controllers.find(incident.controllerId())
        .orElse(new DataController(incident.controllerId(), incident.controllerId(), null, null, null));
    String contactId = incident.imy() != null && incident.imy().recordedBy() != null ? incident.imy().recordedBy()
        : incident.decision() != null ? incident.decision().decidedBy() : null;
    return new DocumentData(incident, controller, late(incident, now), lateReasonOf(incident),
        contactId == null ? null : person(contactId), timeline(incident), now);
  }

  /** The DPO's reasons for notifying IMY after the deadline (Art. 33(1)), or null. */
  static String lateReasonOf(Incident incident) {
    return incident.imy() == null ? null : incident.imy().lateReason();
  }

  /** Late when filed after the deadline, or not yet filed (and not decided against) when the deadline has passed. */
  static boolean late(Incident incident, Instant now) {
    if (incident.late()) {
      return true;
    }
    if (incident.imy() != null) {
      return incident.imy().submittedAt() != null && incident.imy().submittedAt().isAfter(incident.authorityDeadline());
    }
    boolean pending = incident.decision() == null || incident.decision().notifyImy();
    return pending && now.isAfter(incident.authorityDeadline());
  }

  DocumentData.Person person(String userId) {
    User user = system.run(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return new DocumentData.Person(userId, null, null);
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return new DocumentData.Person(userId, name.isEmpty() ? null : name, user.getEmail());
  }

  private List<DocumentData.TimelineEntry> timeline(Incident incident) {
    if (incident.processInstanceId() == null) {
      return List.of();
    }
    return system.run(() -> {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(incident.processInstanceId()).singleResult();
      String starter = instance == null ? incident.reporterId() : instance.getStartUserId();
      List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
          .processInstanceId(incident.processInstanceId())
          .orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc()
          .list();
      List<DocumentData.TimelineEntry> entries = new ArrayList<>(activities.stream()
          .filter(activity -> STEPS.contains(activity.getActivityType()) && activity.getActivityName() != null)
          .map(activity -> new DocumentData.TimelineEntry(activity.getActivityName(),
              who(activity, starter), instant(activity.getStartTime()), instant(activity.getEndTime()),
              activity.isCanceled()))
          .toList());
      FollowUp followUp = incident.followUp();
      if (followUp != null && followUp.closedAt() != null) {
        // Filed at closing, in the transaction that completes the last steps: the engine's history shows
        // them as still running until it commits. A closed incident has no running step.
        entries.replaceAll(entry -> entry.ended() == null ? new DocumentData.TimelineEntry(entry.activity(),
            entry.who(), entry.started(), followUp.closedAt(), entry.cancelled()) : entry);
        String close = instance == null ? null : stepName(instance.getProcessDefinitionId(), BpmnIds.CLOSE);
        if (close != null && entries.stream().noneMatch(entry -> close.equals(entry.activity()))) {
          entries.add(new DocumentData.TimelineEntry(close, "systemet", followUp.closedAt(), followUp.closedAt(),
              false));
        }
      }
      return entries;
    });
  }

  private String stepName(String processDefinitionId, String activityId) {
    FlowElement element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
    return element == null ? null : element.getName();
  }

  private static String who(HistoricActivityInstance activity, String starter) {
    return switch (activity.getActivityType()) {
      case "userTask" -> activity.getAssignee();
      case "startEvent" -> BpmnIds.START.equals(activity.getActivityId()) ? starter : "systemet";
      default -> "systemet";
    };
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
