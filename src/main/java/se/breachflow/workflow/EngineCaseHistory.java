package se.breachflow.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

import se.breachflow.access.SystemCalls;
import se.breachflow.document.CaseHistory;
import se.breachflow.document.DocumentData;
import se.breachflow.incident.FollowUp;
import se.breachflow.incident.Incident;

/** The steps of an incident's process from the engine's history, for the documents. */
@Component
class EngineCaseHistory implements CaseHistory {

  /** Activities that are steps someone or something took; gateways and internal events are left out. */
  private static final Set<String> STEPS = Set.of("startEvent", "userTask", "serviceTask", "businessRuleTask",
      "noneEndEvent");

  private final HistoryService history;
  private final RepositoryService repository;
  private final SystemCalls system;

  EngineCaseHistory(HistoryService history, RepositoryService repository, SystemCalls system) {
    this.history = history;
    this.repository = repository;
    this.system = system;
  }

  @Override
  public List<DocumentData.TimelineEntry> timeline(Incident incident) {
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
