package se.breachflow.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import se.breachflow.access.SystemCalls;
import se.breachflow.incident.IncidentView;
import se.breachflow.incident.Process;
import se.breachflow.incident.ReportValidator;

/** The process {@code personal-data-breach} in the engine, as the incident capability asks for it. */
@Component
class EngineProcess implements Process {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemCalls system;

  EngineProcess(RuntimeService runtime, TaskService tasks, SystemCalls system) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.system = system;
  }

  /** Started as the logged-in user, through the boundary like every start; registration sets the business key. */
  @Override
  public String report(Map<String, Object> submitted) {
    ProcessInstance instance = runtime.createProcessInstanceByKey(BpmnIds.PROCESS).setVariables(submitted).execute();
    return instance.getBusinessKey();
  }

  /**
   * Started with the checked report at hand, as the boundary starts a report it has checked; without the user's
   * engine permissions (the caller has checked what they may register: a coordinator need not be staff too),
   * the reporter being the user all the same.
   */
  @Override
  public String start(ReportValidator.ValidReport report, String reporterId) {
    return system.run(() -> Submissions.withReport(new Submissions.Report(report, reporterId),
        () -> runtime.createProcessInstanceByKey(BpmnIds.PROCESS).execute().getBusinessKey()));
  }

  /** A message to the case's event subprocess, sent by the application itself (the boundary refuses users'). */
  @Override
  public boolean requestSupplement(String number) {
    return system.run(() -> waitingFor(number, "message", BpmnIds.SUPPLIER_FACTS_CHANGED).map(instance -> {
      runtime.createMessageCorrelation(BpmnIds.SUPPLIER_FACTS_CHANGED).processInstanceId(instance)
          .correlateWithResult();
      return true;
    }).orElse(false));
  }

  /**
   * The cyber track's variables, set by the application (the boundary refuses a person's): the deadlines first,
   * then the flag its conditional start waits for.
   */
  @Override
  public boolean startCyberTrack(String number, java.time.Instant earlyWarningDeadline,
      java.time.Instant notificationDeadline) {
    return system.run(() -> waitingFor(number, "conditional", BpmnIds.CYBER_TRACK_START)
        .map(instance -> {
          runtime.setVariable(instance, ProcessVariables.CYBER_EARLY_WARNING_DEADLINE.name(),
              java.util.Date.from(earlyWarningDeadline));
          runtime.setVariable(instance, ProcessVariables.CYBER_NOTIFICATION_DEADLINE.name(),
              java.util.Date.from(notificationDeadline));
          runtime.setVariable(instance, ProcessVariables.CYBER_SIGNIFICANT.name(), true);
          return true;
        }).orElse(false));
  }

  /** A message to the cyber track's event subprocess for a delrapport, with its due date, by the application. */
  @Override
  public boolean requestCyberIntermediateReport(String number, java.time.Instant due) {
    return system.run(() -> waitingFor(number, "message", BpmnIds.CYBER_INTERMEDIATE_REQUESTED).map(instance -> {
      runtime.createMessageCorrelation(BpmnIds.CYBER_INTERMEDIATE_REQUESTED).processInstanceId(instance)
          .setVariable(ProcessVariables.CYBER_INTERMEDIATE_DUE.name(), java.util.Date.from(due))
          .correlateWithResult();
      return true;
    }).orElse(false));
  }

  /**
   * The case's running instance, when one of its events waits: a message by its name, a conditional start by its
   * activity. Empty when the case's process has ended, or its version has no such event.
   */
  private java.util.Optional<String> waitingFor(String number, String eventType, String nameOrActivity) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(BpmnIds.PROCESS).singleResult();
    if (instance == null) {
      return java.util.Optional.empty();
    }
    var subscriptions = runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventType(eventType);
    long waiting = "conditional".equals(eventType) ? subscriptions.activityId(nameOrActivity).count()
        : subscriptions.eventName(nameOrActivity).count();
    return waiting == 0 ? java.util.Optional.empty() : java.util.Optional.of(instance.getId());
  }

  /** Read without the user's task permissions: the caller has already decided the user may see the case. */
  @Override
  public List<IncidentView.OpenTask> openTasks(String number) {
    return system.run(() -> tasks.createTaskQuery().processInstanceBusinessKey(number).list()).stream()
        .map(task -> new IncidentView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
            task.getAssignee(), task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant()))
        .toList();
  }
}
