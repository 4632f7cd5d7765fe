package se.breachflow.workflow;

import java.lang.reflect.Field;
import java.util.Map;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What a Camunda command carries, read from its protected fields: the commands have no getters, and the
 * boundary must see what a person sent before the command runs. Every field is looked up when this class is
 * loaded, so a Camunda upgrade that renames one stops the application at start (the boundary fails closed),
 * and {@code VariableBoundaryCommandsTest} names it.
 */
final class EngineCommands {

  private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");
  private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");
  private static final Field START_FORM_BUSINESS_KEY = field(SubmitStartFormCmd.class, "businessKey");
  private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");
  private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field COMPLETE_RETURN = field(CompleteTaskCmd.class, "returnVariables");
  private static final Field COMPLETE_DESERIALIZE = field(CompleteTaskCmd.class, "deserializeReturnedVariables");
  private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
  private static final Field SUBMIT_RETURN = field(SubmitTaskFormCmd.class, "returnVariables");
  private static final Field SUBMIT_DESERIALIZE = field(SubmitTaskFormCmd.class, "deserializeValues");
  private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId");
  private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId");
  private static final Field DELEGATE_TASK = field(DelegateTaskCmd.class, "taskId");
  private static final Field PROPERTY_TASK = field(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field IDENTITY_LINK_USER = field(AbstractAddIdentityLinkCmd.class, "userId");
  private static final Field SAVE_TASK = field(SaveTaskCmd.class, "task");
  private static final Field ADD_COMMENT_TASK = field(AddCommentCmd.class, "taskId");
  private static final Field ADD_COMMENT_INSTANCE = field(AddCommentCmd.class, "processInstanceId");
  private static final Field UPDATE_COMMENT_INSTANCE = field(UpdateCommentCmd.class, "processInstanceId");
  private static final Field UPDATE_COMMENT_TASK = field(UpdateCommentCmd.class, "taskId");
  private static final Field DELETE_COMMENT_TASK = field(DeleteTaskCommentCmd.class, "taskId");

  private EngineCommands() {}

  /** A start: which definition (by id or key), with which business key and values. */
  record Start(String definitionId, String businessKey, String caseInstanceId, String tenantId,
      Map<String, Object> variables, ProcessInstantiationBuilderImpl builder) {}

  /** A task completion: which task, with which values, and what the caller wants back. */
  record Completion(String taskId, Map<String, Object> variables, boolean returnVariables, boolean deserialize) {}

  static Start start(StartProcessInstanceCmd command) {
    ProcessInstantiationBuilderImpl builder = get(START_BUILDER, command);
    return new Start(builder.getProcessDefinitionId(), builder.getBusinessKey(), builder.getCaseInstanceId(),
        builder.getTenantId(), builder.getVariables(), builder);
  }

  static Start start(SubmitStartFormCmd command) {
    return new Start(get(START_FORM_DEFINITION, command), get(START_FORM_BUSINESS_KEY, command), null, null,
        get(START_FORM_VARIABLES, command), null);
  }

  static Completion completion(CompleteTaskCmd command) {
    return new Completion(get(COMPLETE_TASK, command), get(COMPLETE_VARIABLES, command),
        get(COMPLETE_RETURN, command), get(COMPLETE_DESERIALIZE, command));
  }

  static Completion completion(SubmitTaskFormCmd command) {
    return new Completion(get(SUBMIT_TASK, command), get(SUBMIT_VARIABLES, command),
        get(SUBMIT_RETURN, command), get(SUBMIT_DESERIALIZE, command));
  }

  static String claimant(ClaimTaskCmd command) {
    return get(CLAIM_USER, command);
  }

  /** The user a task is assigned to ({@code setAssignee}; null: nobody). */
  static String assignee(AssignTaskCmd command) {
    return get(IDENTITY_LINK_USER, command);
  }

  /** The existing task a claim, a delegation or a change of a task's property is about, or null for another command. */
  static String changedTask(Command<?> command) {
    if (command instanceof ClaimTaskCmd claim) {
      return get(CLAIM_TASK, claim);
    }
    if (command instanceof DelegateTaskCmd delegate) {
      return get(DELEGATE_TASK, delegate);
    }
    if (command instanceof AbstractSetTaskPropertyCmd<?> property) {
      return get(PROPERTY_TASK, property);
    }
    return null;
  }

  static TaskEntity savedTask(SaveTaskCmd command) {
    return get(SAVE_TASK, command);
  }

  /** The task a comment command is about, or null for a comment on a process instance. */
  static String commentedTask(Command<?> command) {
    if (command instanceof AddCommentCmd add) {
      return get(ADD_COMMENT_TASK, add);
    }
    if (command instanceof UpdateCommentCmd update) {
      return get(UPDATE_COMMENT_TASK, update);
    }
    if (command instanceof DeleteTaskCommentCmd delete) {
      return get(DELETE_COMMENT_TASK, delete);
    }
    return null;
  }

  /** The process instance a comment command names, or null. */
  static String commentedInstance(Command<?> command) {
    if (command instanceof AddCommentCmd add) {
      return get(ADD_COMMENT_INSTANCE, add);
    }
    if (command instanceof UpdateCommentCmd update) {
      return get(UPDATE_COMMENT_INSTANCE, update);
    }
    return null;
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + type.getName() + " has no field " + name + ": the variable "
          + "boundary (workflow/VariableBoundary) must be checked against this Camunda version", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T get(Field field, Object command) {
    try {
      return (T) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
