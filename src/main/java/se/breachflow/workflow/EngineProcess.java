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
