package se.breachflow.workflow;

import static se.breachflow.workflow.ProcessVariables.IMY_REPORT_TYPE;
import static se.breachflow.workflow.ProcessVariables.IMY_ORDER_DEADLINE;
import static se.breachflow.workflow.ProcessVariables.INFORM_DATA_SUBJECTS;
import static se.breachflow.workflow.ProcessVariables.INFORM_URGENTLY;
import static se.breachflow.workflow.ProcessVariables.NEXT_STEP;
import static se.breachflow.workflow.ProcessVariables.NOTIFY_IMY;
import static se.breachflow.workflow.ProcessVariables.NOT_A_BREACH;
import static se.breachflow.workflow.ProcessVariables.CYBER_EARLY_WARNING_DEADLINE;
import static se.breachflow.workflow.ProcessVariables.CYBER_FINAL_REPORT_DEADLINE;
import static se.breachflow.workflow.ProcessVariables.CYBER_NOTIFICATION_DEADLINE;
import static se.breachflow.workflow.ProcessVariables.CYBER_PROGRESS_REPORTED;
import static se.breachflow.workflow.ProcessVariables.CYBER_QUESTION;
import static se.breachflow.workflow.ProcessVariables.CYBER_SIGNIFICANT;
import static se.breachflow.workflow.ProcessVariables.SUPPLEMENT_DUE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.task.TaskForm;
import se.breachflow.incident.task.Routing;
import se.breachflow.incident.task.TaskForms;

/**
 * Binds every user task's form to the incident record ({@code camunda:taskListener} on create and complete).
 * On create the incident's status follows the task. On complete the task's form saves what
 * {@link VariableBoundary} checked when the person submitted it; nothing they sent is a process variable. The
 * form's values are read from the record whenever the form is shown (VariableBoundary), never stored in the
 * engine.
 */
@Component("taskFormListener")
public class TaskFormListener implements TaskListener {

  private final TaskForms forms;
  private final IncidentRepository incidents;

  public TaskFormListener(TaskForms forms, IncidentRepository incidents) {
    this.forms = forms;
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = forms.of(BpmnIds.step(task.getTaskDefinitionKey()));
    String number = task.getExecution().getProcessBusinessKey();
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        if (form.status() != null) {
          incidents.updateStatus(number, form.status());
        }
      }
      case EVENTNAME_COMPLETE -> {
        TaskForm.Completion completion = Submissions.completion(task.getId());
        if (completion == null) {
          throw new IllegalStateException("Task " + task.getId() + " of " + number
              + " was completed without its checked form: a task is completed by submitting its form");
        }
        route(task, completion.save(userId(task)));
      }
      default -> { }
    }
  }

  /** The task's routing, for the gateways and the supplement's timer. */
  private static void route(DelegateTask task, Routing routing) {
    if (routing.notABreach() != null) {
      NOT_A_BREACH.set(task.getExecution(), routing.notABreach());
    }
    if (routing.notifyImy() != null) {
      NOTIFY_IMY.set(task.getExecution(), routing.notifyImy());
    }
    if (routing.informDataSubjects() != null) {
      INFORM_DATA_SUBJECTS.set(task.getExecution(), routing.informDataSubjects());
    }
    if (routing.informUrgently() != null) {
      INFORM_URGENTLY.set(task.getExecution(), routing.informUrgently());
    }
    if (routing.nextStep() != null) {
      NEXT_STEP.set(task.getExecution(), routing.nextStep());
    }
    if (routing.imyOrderDeadline() != null) {
      IMY_ORDER_DEADLINE.set(task.getExecution(), routing.imyOrderDeadline());
    }
    if (routing.imyReportType() != null) {
      IMY_REPORT_TYPE.set(task.getExecution(), routing.imyReportType());
    }
    if (routing.supplementDue() != null) {
      SUPPLEMENT_DUE.set(task.getExecution(), routing.supplementDue());
    }
    if (routing.cyber() != null) {
      cyber(task, routing.cyber());
    }
  }

  /**
   * The cyber track's variables. The deadlines go first: the track's conditional start (on
   * {@code cyberSignificant}) reads them when it starts.
   */
  private static void cyber(DelegateTask task, Routing.Cyber cyber) {
    if (cyber.earlyWarningDeadline() != null) {
      CYBER_EARLY_WARNING_DEADLINE.set(task.getExecution(), cyber.earlyWarningDeadline());
    }
    if (cyber.notificationDeadline() != null) {
      CYBER_NOTIFICATION_DEADLINE.set(task.getExecution(), cyber.notificationDeadline());
    }
    if (cyber.finalReportDeadline() != null) {
      CYBER_FINAL_REPORT_DEADLINE.set(task.getExecution(), cyber.finalReportDeadline());
    }
    if (cyber.progressReported() != null) {
      CYBER_PROGRESS_REPORTED.set(task.getExecution(), cyber.progressReported());
    }
    if (cyber.question() != null) {
      CYBER_QUESTION.set(task.getExecution(), cyber.question());
    }
    if (cyber.significant() != null) {
      CYBER_SIGNIFICANT.set(task.getExecution(), cyber.significant());
    }
  }

  private static String userId(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
