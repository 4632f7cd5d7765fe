package se.breachflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.breachflow.access.Groups;
import se.breachflow.incident.task.TaskForms;
import se.breachflow.shared.Field;
import se.breachflow.workflow.BpmnIds;

/** Drives incidents through the process as the people in each role do it in Tasklist. */
@Component
public class IncidentDriver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService forms;
  private final TaskService tasks;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final ManagementService management;
  private final TaskForms taskForms;

  public IncidentDriver(FormService forms, TaskService tasks, IdentityService identity, RepositoryService repository,
      ManagementService management, TaskForms taskForms) {
    this.taskForms = taskForms;
    this.forms = forms;
    this.tasks = tasks;
    this.identity = identity;
    this.repository = repository;
    this.management = management;
  }

  public ProcessInstance report() {
    return report(Reports.misdirectedEmail());
  }

  public ProcessInstance report(Map<String, Object> values) {
    identity.setAuthentication("reporter", List.of(Groups.STAFF));
    try {
      return forms.submitStartForm(definitionId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  public void assess(ProcessInstance instance, String confidentialityLoss) {
    complete(instance, BpmnIds.ASSESS, "coordinator", Map.of(
        "identifiability", "MAXIMUM",
        "confidentialityLoss", confidentialityLoss,
        "integrityLoss", "NONE",
        "availabilityLoss", "NONE",
        "maliciousIntent", false,
        "unintelligible", false,
        "publiclyAvailable", false));
  }

  /**
   * The DPO advises as given and the controller's decision maker decides the same; the justification is both the
   * DPO's reasons and the decision's (needed when they depart from the rules).
   */
  public void decide(ProcessInstance instance, boolean notifyImy, boolean inform, String justification) {
    advise(instance, notifyImy, inform, justification);
    decideAs(instance, "decider", notifyImy, inform, justification);
  }

  /** The DPO advises, and the decision maker decides, that it was not a personal-data breach. */
  public void notABreach(ProcessInstance instance, String reasons) {
    complete(instance, BpmnIds.DPO_ADVICE, "dpo", Map.of("dpoAdviceNotABreach", true, "dpoAdviceReasons", reasons));
    complete(instance, BpmnIds.DECISION, "decider", Map.of("notABreach", true, "decisionJustification", reasons));
  }

  /** The DPO's advice ({@code userTask_dpoAdvice}), by the demo DPO. */
  public void advise(ProcessInstance instance, boolean notifyImy, boolean inform, String reasons) {
    Map<String, Object> values = new HashMap<>();
    values.put("dpoAdviceNotABreach", false);
    values.put("dpoAdviceNotifyImy", notifyImy);
    values.put("dpoAdviceInformDataSubjects", inform);
    values.put("dpoAdviceReasons", reasons);
    complete(instance, BpmnIds.DPO_ADVICE, "dpo", values);
  }

  /** The controller's decision ({@code userTask_decision}) by the user, not urgent. */
  public void decideAs(ProcessInstance instance, String userId, boolean notifyImy, boolean inform,
      String justification) {
    Map<String, Object> values = new HashMap<>();
    values.put("notABreach", false);
    values.put("notifyImy", notifyImy);
    values.put("informDataSubjects", inform);
    values.put("informUrgently", false);
    values.put("decisionJustification", justification);
    complete(instance, BpmnIds.DECISION, userId, values);
  }

  public void notifyImy(ProcessInstance instance, String submittedAt, String reportType) {
    complete(instance, BpmnIds.NOTIFY_IMY, "dpo", Map.of(
        "imyCaseNumber", "IMY-2026-1234",
        "imySubmittedAt", submittedAt,
        "imyReportType", reportType));
  }

  public void followUp(ProcessInstance instance) {
    complete(instance, BpmnIds.FOLLOW_UP, "coordinator", Map.of(
        "remedialActions", "Automatisk komplettering av adresser stängs av.",
        "lessonsLearned", "Kontrollera mottagare innan e-post med elevuppgifter skickas."));
  }

  /**
   * Claims the task as the user and submits its form as Tasklist does: every field of the form as it was shown
   * (from the record), with the person's changes.
   */
  public void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> changes) {
    Task task = task(instance, taskKey);
    as(userId, () -> {
      tasks.claim(task.getId(), userId);
      forms.submitTaskForm(task.getId(), submission(task, changes));
    });
  }

  /** What Tasklist sends when the form of the task is submitted with these changes (field key → value). */
  public Map<String, Object> submission(Task task, Map<String, Object> changes) {
    VariableMap shown = forms.getTaskFormVariables(task.getId());
    Map<String, Object> sent = new HashMap<>();
    for (Field<?> field : taskForms.of(BpmnIds.step(task.getTaskDefinitionKey())).fields()) {
      sent.put(field.name(), shown.getValueTyped(field.name()));
    }
    sent.putAll(changes);
    return sent;
  }

  /** The same as the body of engine REST's {@code submit-form}: {@code {"variables": {name: {value, type}}}}. */
  public String submissionJson(Task task, Map<String, Object> changes) {
    ObjectNode variables = JSON.createObjectNode();
    submission(task, changes).forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
      if (plain instanceof SpinJsonNode) {
        variable.put("value", plain.toString());
        variable.put("type", "Json");
      } else {
        variable.set("value", JSON.valueToTree(plain));
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  /** Runs the call authenticated as the user, with the user's groups. */
  public void as(String userId, Runnable call) {
    identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList());
    try {
      call.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  public Task task(ProcessInstance instance, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    return task;
  }

  /**
   * The open task, waiting up to 30 seconds for it: in a browser test the step before it was completed in the
   * browser, and the engine creates the task when that request has been handled.
   */
  public Task awaitTask(ProcessInstance instance, String taskKey) {
    java.time.Instant giveUp = java.time.Instant.now().plusSeconds(30);
    while (java.time.Instant.now().isBefore(giveUp)) {
      Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
      if (task != null) {
        return task;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("No task " + taskKey + " within 30 seconds");
  }

  /** The timer jobs of the instance that are due by the engine's clock, each executed once. */
  public int fireDueTimers(ProcessInstance instance) {
    Date now = ClockUtil.getCurrentTime();
    List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
        .filter(job -> !job.getDuedate().after(now)).toList();
    due.forEach(job -> management.executeJob(job.getId()));
    return due.size();
  }

  /** The due date of the timer of the given BPMN activity (a boundary event or a task's timeout listener). */
  public Date timerDue(ProcessInstance instance, String activityId) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
    return job == null ? null : job.getDuedate();
  }

  public String definitionId() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS).latestVersion()
        .singleResult().getId();
  }
}
