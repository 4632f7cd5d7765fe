package se.breachflow.workflow;


import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import se.breachflow.shared.Lists;

/**
 * Adds {@link TaskNotificationListener} (events create and assignment) to every user task when a model is
 * parsed, so the models stay free of notification plumbing and a new user task is covered without editing
 * it. Post-parse: it runs after the task's own listeners (the form binding may still refuse the step).
 */
@Component
public class TaskNotificationPlugin extends AbstractProcessEnginePlugin {

  private final TaskNotificationListener listener;

  public TaskNotificationPlugin(TaskNotificationListener listener) {
    this.listener = listener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    BpmnParseListener addsTheListener = new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        }
      }
    };
    configuration.setCustomPostBPMNParseListeners(
        Lists.with(configuration.getCustomPostBPMNParseListeners(), addsTheListener));
  }
}
