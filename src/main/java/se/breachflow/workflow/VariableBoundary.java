package se.breachflow.workflow;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTasksRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTasksRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateBatchCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.StateTransitionCaseExecutionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import se.breachflow.incident.Fields;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.ReportValidator;
import se.breachflow.incident.task.TaskForm;
import se.breachflow.incident.task.TaskForms;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.shared.Field;
import se.breachflow.shared.ForbiddenException;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.InvalidFieldException;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.Lists;
import se.breachflow.shared.Times;
import se.breachflow.supplier.SupplierIncidents;

/**
 * The one place where values from outside enter the process {@code personal-data-breach} (and its start through
 * {@code supplier-incident}), whichever way they
 * come: Tasklist, engine REST, the project's API or Java code. It sits in the engine's command chain (inside the
 * command's transaction) and looks at each outermost command before it runs:
 *
 * <ul>
 *   <li>A <b>start</b> ({@code start}, {@code submit-form}) may carry only the report's fields, checked exactly as
 *       {@code POST /api/incidents} checks them, and no business key, case instance or tenant; the reporter is the
 *       logged-in user. The process then starts with <em>no</em> variables: the checked report goes straight to the
 *       registration ({@link RegisterIncidentDelegate}).</li>
 *   <li>A start of {@code supplier-incident} (its Tasklist start form) may carry only a supplier incident's fields
 *       ({@code SupplierFields.NAMES}), checked exactly as {@code POST /api/supplier-incidents} checks them, by
 *       someone who is coordinator or DPO of every controller listed (or an administrator); no business key,
 *       case instance or tenant. It too starts with no variables: {@link RegisterSupplierIncidentDelegate}
 *       registers what was checked, and the cases it starts are the application's own starts.</li>
 *   <li>A <b>task completion</b> ({@code complete}, {@code submit-form}) may carry only the task's form fields,
 *       checked by the task's rules ({@link TaskForm#check}), by someone who may work the task; the task then
 *       completes with no variables and its form saves what was checked ({@link TaskFormListener}). Whichever
 *       endpoint is used, the result is the same. {@code resolve} carries no values.</li>
 *   <li>Everything that sets variables or moves a case by other means — variables set directly, modification,
 *       restart, migration, messages, signals, conditions, BPMN errors and escalations on tasks, external tasks,
 *       case executions — and what re-routes or renames a task (identity links, name, due date, priority, owner;
 *       claiming for someone else, delegation), attachments, and comments by someone who may not work the task:
 *       refused to everyone but administrators. Code running without a user (timers, the application itself) is
 *       trusted.</li>
 *   <li>A task is <b>claimed or assigned</b> only to one of its candidates — a member of a candidate group, or a
 *       candidate user — whoever asks but an administrator: the assignee may read and work the task, so
 *       assigning it to anybody else would hand the case to them. A delegated task ({@code PENDING}) is not
 *       completed: {@code submit-form} would only resolve the delegation and drop what was sent.</li>
 *   <li>A task or process definition that does not exist is a 404 ({@link UnknownResourceException}), not the
 *       engine's 500.</li>
 * </ul>
 *
 * Refusals are 400 (what was sent, with the fields named: {@link InvalidSubmissionException}) or 403 (what the
 * person may not do: {@link RefusedException}), and nothing
 * changes. A form's values are read from the incident record whenever the form is shown
 * ({@code form-variables}): nothing a person typed is stored as an engine variable, so free texts of any length
 * and the deadline's time left are always current.
 */
@Component
public class VariableBoundary extends AbstractProcessEnginePlugin {

  /** Every field the start form and {@code POST /api/incidents} may send. */
  static final Set<String> REPORT_FIELDS;

  static {
    Set<String> fields = new LinkedHashSet<>();
    fields.add(Fields.CONTROLLER_ID.name());
    Fields.REPORT.forEach(field -> fields.add(field.name()));
    REPORT_FIELDS = Set.copyOf(fields);
  }

  /** A task's properties a person may change on a task of the process (the rest are the process's). */
  private static final Set<String> CHANGEABLE_TASK_PROPERTIES = Set.of(TaskEntity.ASSIGNEE, TaskEntity.FOLLOW_UP_DATE);

  private static final DateTimeFormatter FORM_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  /** Nesting of commands on this thread: only the outermost command is what someone asked for. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final ReportValidator reports;
  private final TaskForms forms;
  private final IncidentRepository incidents;
  private final SupplierIncidents suppliers;

  /** Lazy: the plugin is part of the engine's configuration, which the record's beans need in turn. */
  public VariableBoundary(@Lazy ReportValidator reports, @Lazy TaskForms forms, @Lazy IncidentRepository incidents,
      @Lazy SupplierIncidents suppliers) {
    this.reports = reports;
    this.forms = forms;
    this.incidents = incidents;
    this.suppliers = suppliers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    RefusalsAreNotFailures contexts = new RefusalsAreNotFailures();
    contexts.setProcessEngineConfiguration(configuration); // the engine sets it only on a factory of its own
    configuration.setCommandContextFactory(contexts);
    configuration.setCustomPostCommandInterceptorsTxRequired(
        Lists.<CommandInterceptor>with(configuration.getCustomPostCommandInterceptorsTxRequired(), new Interceptor()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        Lists.<CommandInterceptor>with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(),
            new Interceptor()));
  }

  /**
   * The engine logs a command that fails with an exception at ERROR, with its stack trace and message, unless
   * it is a client's error it knows (a bad request, a missing authorization: DEBUG). The boundary's refusals are
   * such errors, and their messages may quote what a person typed.
   */
  private static final class RefusalsAreNotFailures extends CommandContextFactory {

    @Override
    public CommandContext createCommandContext() {
      return new CommandContext(processEngineConfiguration) {
        @Override
        protected boolean shouldLogFine(Throwable exception) {
          return exception instanceof InvalidSubmissionException || exception instanceof RefusedException
              || exception instanceof UnknownResourceException || super.shouldLogFine(exception);
        }
      };
    }
  }

  /** One per command chain of the engine (each has its own next interceptor). */
  private final class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        return depth[0] == 1 ? guard(command, next) : next.execute(command);
      } finally {
        if (--depth[0] == 0) {
          DEPTH.remove();
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  <T> T guard(Command<T> command, CommandExecutor then) {
    CommandContext context = Context.getCommandContext();
    if (command instanceof StartProcessInstanceCmd start) {
      return (T) start(context, EngineCommands.start(start), then, start);
    }
    if (command instanceof SubmitStartFormCmd start) {
      return (T) start(context, EngineCommands.start(start), then, start);
    }
    if (command instanceof SubmitTaskFormCmd submit) {
      return (T) complete(context, EngineCommands.completion(submit), then, submit);
    }
    if (command instanceof CompleteTaskCmd complete) {
      return (T) complete(context, EngineCommands.completion(complete), then, complete);
    }
    if (command instanceof GetTaskFormVariablesCmd formVariables) {
      return (T) formVariables(context, formVariables, (VariableMap) then.execute(command));
    }
    String changedTask = EngineCommands.changedTask(command);
    if (changedTask != null && context.getTaskManager().findTaskById(changedTask) == null) {
      throw UnknownResourceException.task();
    }
    Authentication user = context.getAuthentication();
    if (user != null && !context.getAuthorizationManager().isCamundaAdmin(user)) {
      String refusal = refusal(context, command);
      if (refusal != null) {
        throw new RefusedException(refusal);
      }
    }
    String caseRefusal = caseRefusal(context, command);
    if (caseRefusal != null) {
      throw new RefusedException(caseRefusal);
    }
    return then.execute(command);
  }

  // ------------------------------------------------------------------------------------------------ starts

  private Object start(CommandContext context, EngineCommands.Start start, CommandExecutor then,
      Command<?> command) {
    ProcessDefinitionEntity definition;
    try {
      definition = start.builder() != null
          ? new GetDeployedProcessDefinitionCmd(start.builder(), false).execute(context)
          : context.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedProcessDefinitionById(start.definitionId());
    } catch (NullValueException | NotFoundException none) {
      throw UnknownResourceException.processDefinition();
    }
    if (BpmnIds.SUPPLIER_PROCESS.equals(definition.getKey())) {
      return startSupplierIncident(context, start, then, command, definition);
    }
    if (!BpmnIds.PROCESS.equals(definition.getKey())) {
      return then.execute(command);
    }
    if (Submissions.report() != null && (start.variables() == null || start.variables().isEmpty())
        && start.businessKey() == null) {
      // The application's own start of a report it has checked (Process#start): nothing from outside is in it.
      return then.execute(command);
    }
    String reporter = context.getAuthenticatedUserId();
    if (reporter == null) {
      throw new RefusedException("En incident rapporteras av en inloggad användare.");
    }
    List<FieldError> errors = new ArrayList<>(unknown(start.variables(), REPORT_FIELDS));
    if (start.businessKey() != null) {
      errors.add(new FieldError("businessKey", "Ärendenumret sätts av systemet när rapporten registreras."));
    }
    if (start.caseInstanceId() != null || start.tenantId() != null) {
      errors.add(new FieldError(start.caseInstanceId() != null ? "caseInstanceId" : "tenantId",
          "Rapporten kan inte knytas till ett annat ärende eller en annan organisation."));
    }
    ReportValidator.ValidReport report = null;
    try {
      report = reports.validate(reader(start.variables()), Times.now());
    } catch (InvalidInputException invalid) {
      errors.addAll(invalid.errors());
    }
    refuseIfAny("Rapporten kunde inte registreras", errors);
    Command<Object> clean = cleanStart(command, definition);
    return Submissions.withReport(new Submissions.Report(report, reporter), () -> then.execute(clean));
  }

  /**
   * A supplier incident from its start form: only its fields, checked as {@code POST /api/supplier-incidents}
   * checks them (by someone who is coordinator or DPO of every controller listed, or an administrator), no
   * business key, case instance or tenant. The process then starts with no variables; its registration
   * ({@link RegisterSupplierIncidentDelegate}) gets what was checked.
   */
  private Object startSupplierIncident(CommandContext context, EngineCommands.Start start, CommandExecutor then,
      Command<?> command, ProcessDefinitionEntity definition) {
    if (context.getAuthenticatedUserId() == null) {
      throw new RefusedException("En leverantörsincident registreras av en inloggad användare.");
    }
    String title = "Leverantörsincidenten kunde inte registreras";
    List<FieldError> errors = new ArrayList<>();
    if (start.businessKey() != null) {
      errors.add(new FieldError("businessKey", "Numret sätts av systemet när leverantörsincidenten registreras."));
    }
    if (start.caseInstanceId() != null || start.tenantId() != null) {
      errors.add(new FieldError(start.caseInstanceId() != null ? "caseInstanceId" : "tenantId",
          "Leverantörsincidenten kan inte knytas till ett annat ärende eller en annan organisation."));
    }
    Map<String, Object> sent = start.variables() == null ? Map.of() : start.variables();
    Function<String, Object> reader = reader(sent);
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> unreadable = new LinkedHashSet<>();
    for (String name : sent.keySet()) {
      try {
        values.put(name, withoutSpin(reader.apply(name)));
      } catch (InvalidFieldException invalid) {
        unreadable.add(name);
        errors.add(new FieldError(invalid.variable(), invalid.reason()));
      }
    }
    try {
      suppliers.check(values::get, sent.keySet());
    } catch (InvalidInputException invalid) {
      title = invalid.title();
      // A value that could not be read is named once, for what it is, not also as missing.
      invalid.errors().stream().filter(error -> !unreadable.contains(error.field())).forEach(errors::add);
    } catch (ForbiddenException forbidden) {
      if (errors.isEmpty()) {
        throw new RefusedException(forbidden.getMessage());
      }
    }
    refuseIfAny(title, errors);
    Command<Object> clean = cleanStart(command, definition);
    return Submissions.withSupplierIncident(new Submissions.SupplierIncident(values, sent.keySet()),
        () -> then.execute(clean));
  }

  /**
   * A value as the supplier capability reads it, without Spin: a JSON node (an object of the dynamic list, or
   * anything else sent as Json) becomes its JSON text, in a list too; the capability parses and checks it.
   */
  static Object withoutSpin(Object value) {
    if (value instanceof SpinJsonNode node) {
      return node.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(element -> element instanceof SpinJsonNode node ? node.toString() : element)
          .toList();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Command<Object> cleanStart(Command<?> command, ProcessDefinitionEntity definition) {
    if (command instanceof SubmitStartFormCmd) {
      return (Command<Object>) (Command<?>) new SubmitStartFormCmd(definition.getId(), null, Map.of());
    }
    ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl)
        ProcessInstantiationBuilderImpl.createProcessInstanceById(null, definition.getId());
    return (Command<Object>) (Command<?>) new StartProcessInstanceCmd(builder);
  }

  // ----------------------------------------------------------------------------------------- completions

  private Object complete(CommandContext context, EngineCommands.Completion completion, CommandExecutor then,
      Command<?> command) {
    TaskEntity task = completion.taskId() == null ? null : context.getTaskManager().findTaskById(completion.taskId());
    if (task == null) {
      throw UnknownResourceException.task();
    }
    if (!ofTheProcess(task)) {
      return then.execute(command);
    }
    boolean sent = completion.variables() != null && !completion.variables().isEmpty();
    if (command instanceof ResolveTaskCmd) {
      if (sent) {
        refuseIfAny("Uppgiften kunde inte lämnas tillbaka", List.of(new FieldError("variables",
            "Värden skickas när uppgiften slutförs med sitt formulär, inte när den lämnas tillbaka.")));
      }
      return then.execute(command);
    }
    // Whether the person may work the task at all comes before anything is said about what they sent.
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    if (task.getDelegationState() == DelegationState.PENDING) {
      // The engine's submit-form would resolve the delegation instead, and what was sent would be lost.
      throw new RefusedException("Uppgiften är delegerad och kan inte slutföras nu: den som har fått den lämnar "
          + "tillbaka den till " + (task.getOwner() == null ? "ägaren" : task.getOwner()) + " (resolve, utan "
          + "värden), som sedan slutför den med formuläret. Uppgifter delegeras inte i den här processen.");
    }
    TaskForm form = forms.of(BpmnIds.step(task.getTaskDefinitionKey()));
    Incident incident = incident(task);
    String worker = context.getAuthenticatedUserId() != null ? context.getAuthenticatedUserId() : task.getAssignee();
    String caseRefusal = form.refusal(incident, worker);
    if (caseRefusal != null) {
      throw new RefusedException(caseRefusal);
    }
    List<FieldError> errors = new ArrayList<>(unknown(completion.variables(),
        form.fields().stream().map(Field::name).collect(Collectors.toSet())));
    TaskForm.Completion checked = null;
    String title = "Uppgiften kunde inte slutföras";
    try {
      Map<String, Object> values = completion.variables();
      checked = form.check(incident,
          new FormReader(reader(values), name -> values != null && values.containsKey(name)));
    } catch (InvalidInputException invalid) {
      title = invalid.title();
      errors.addAll(invalid.errors());
    }
    refuseIfAny(title, errors);
    Command<Object> clean = cleanCompletion(command, completion);
    return Submissions.withCompletion(task.getId(), checked, () -> then.execute(clean));
  }

  @SuppressWarnings("unchecked")
  private static Command<Object> cleanCompletion(Command<?> command, EngineCommands.Completion completion) {
    Command<?> clean = command instanceof SubmitTaskFormCmd
        ? new SubmitTaskFormCmd(completion.taskId(), Map.of(), completion.returnVariables(), completion.deserialize())
        : new CompleteTaskCmd(completion.taskId(), null, completion.returnVariables(), completion.deserialize());
    return (Command<Object>) clean;
  }

  // ------------------------------------------------------------------------------------------ form values

  /** The form's values from the record, added to what the engine returns for the task's form. */
  private VariableMap formVariables(CommandContext context, GetTaskFormVariablesCmd command, VariableMap result) {
    TaskEntity task = context.getTaskManager().findTaskById(command.resourceId);
    if (task == null || !ofTheProcess(task)) {
      return result;
    }
    TaskForm form = forms.of(BpmnIds.step(task.getTaskDefinitionKey()));
    Collection<String> asked = command.formVariableNames;
    forms.shown(form, incident(task), Times.now()).forEach((name, value) -> {
      if (asked == null || asked.isEmpty() || asked.contains(name)) {
        result.putValueTyped(name, formValue(value));
      }
    });
    return result;
  }

  /** A value in the shape Tasklist's form-js fields expect. */
  static TypedValue formValue(Object value) {
    if (value == null) {
      return Variables.untypedNullValue();
    }
    if (value instanceof Instant instant) {
      return Variables.stringValue(FORM_DATETIME.format(instant.truncatedTo(ChronoUnit.MINUTES).atZone(Times.STOCKHOLM)));
    }
    if (value instanceof Collection<?> values) {
      String json = values.stream().map(v -> "\"" + (v instanceof Enum<?> e ? e.name() : v) + "\"")
          .collect(Collectors.joining(",", "[", "]"));
      return SpinValues.jsonValue(json).create();
    }
    if (value instanceof Enum<?> e) {
      return Variables.stringValue(e.name());
    }
    if (value instanceof Boolean b) {
      return Variables.booleanValue(b);
    }
    if (value instanceof Integer i) {
      return Variables.integerValue(i);
    }
    return Variables.stringValue(value.toString());
  }

  // --------------------------------------------------------------------------------- everything else

  private static final String VARIABLES = "Processens värden ändras bara genom uppgifternas formulär.";
  private static final String MOVES = "Bara en administratör kan ändra var ett ärende står i processen.";
  private static final String EVENTS = "Meddelanden, signaler och externa uppgifter i processen hanteras bara av systemet.";
  private static final String TASK_PROPERTIES =
      "Uppgiftens namn, beskrivning, frist, prioritet och ägare sätts av processen.";

  /**
   * The kinds of command a person (not an administrator) may never run, with the Swedish reason: everything that
   * sets variables or moves a case other than a start or a task's form. VariableBoundaryCommandsTest checks
   * against the engine's classes that every command carrying variables is either here or a step.
   */
  static final Map<Class<?>, String> REFUSED = refused();

  private static Map<Class<?>, String> refused() {
    Map<Class<?>, String> refused = new LinkedHashMap<>();
    for (Class<?> type : List.of(AbstractVariableCmd.class, AbstractPatchVariablesCmd.class,
        SetVariablesToProcessInstancesBatchCmd.class)) {
      refused.put(type, VARIABLES);
    }
    for (Class<?> type : List.of(StartProcessInstanceAtActivitiesCmd.class,
        AbstractProcessInstanceModificationCommand.class, ModifyProcessInstanceCmd.class,
        ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
        ProcessInstanceModificationBatchCmd.class, UpdateProcessInstancesSuspendStateCmd.class,
        UpdateProcessInstancesSuspendStateBatchCmd.class,
        AbstractRestartProcessInstanceCmd.class, RestartProcessInstancesBatchCmd.class,
        MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class)) {
      refused.put(type, MOVES);
    }
    for (Class<?> type : List.of(AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class,
        MessageEventReceivedCmd.class, SignalEventReceivedCmd.class, SignalCmd.class,
        EvaluateStartConditionCmd.class, ExternalTaskCmd.class, FetchExternalTasksCmd.class,
        SetExternalTasksRetriesCmd.class, SetExternalTasksRetriesBatchCmd.class)) {
      refused.put(type, EVENTS);
    }
    for (Class<?> type : List.of(SetRemovalTimeToHistoricProcessInstancesCmd.class,
        SetRemovalTimeToHistoricDecisionInstancesCmd.class, SetRemovalTimeToHistoricBatchesCmd.class)) {
      refused.put(type, "Hur länge historiken sparas bestäms av konfigurationen, inte per ärende.");
    }
    refused.put(HandleTaskBpmnErrorCmd.class, "En uppgift avslutas genom att dess formulär skickas.");
    refused.put(HandleTaskEscalationCmd.class, "En uppgift avslutas genom att dess formulär skickas.");
    for (Class<?> type : List.of(CaseExecutionVariableCmd.class, StateTransitionCaseExecutionCmd.class,
        CreateCaseInstanceCmd.class)) {
      refused.put(type, "Ärendehantering med CMMN används inte.");
    }
    // Assigning a task (AssignTaskCmd, also an identity-link command) stays open to those who may.
    for (Class<?> type : List.of(AddUserIdentityLinkCmd.class, AddGroupIdentityLinkCmd.class,
        DeleteIdentityLinkCmd.class)) {
      refused.put(type, "Vem som kan ta en uppgift bestäms av processen.");
    }
    // The process has no delegation step: a delegated task's form would only resolve the delegation (see complete).
    refused.put(DelegateTaskCmd.class, "Uppgifter delegeras inte i den här processen: tilldela uppgiften i stället.");
    for (Class<?> type : List.of(CreateAttachmentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class)) {
      refused.put(type, "Bilagor sparas inte i processen: underlag hör till incidenten i registret.");
    }
    return Collections.unmodifiableMap(refused);
  }

  /** Why a person (not an administrator) may not run this command, or null when they may. */
  private String refusal(CommandContext context, Command<?> command) {
    for (Map.Entry<Class<?>, String> refused : REFUSED.entrySet()) {
      if (refused.getKey().isInstance(command)) {
        return refused.getValue();
      }
    }
    if (command instanceof AbstractSetTaskPropertyCmd<?> && !(command instanceof AssignTaskCmd)
        && !(command instanceof SetTaskFollowUpDateCmd)) {
      return TASK_PROPERTIES;
    }
    if (command instanceof SaveTaskCmd save) {
      TaskEntity task = EngineCommands.savedTask(save);
      if (task != null && task.getRevision() > 0
          && !CHANGEABLE_TASK_PROPERTIES.containsAll(task.getPropertyChanges().keySet())) {
        return TASK_PROPERTIES;
      }
      if (task != null && task.getRevision() > 0 && task.getPropertyChanges().containsKey(TaskEntity.ASSIGNEE)
          && task.getAssignee() != null) {
        return notACandidate(context, task, task.getAssignee());
      }
    }
    if (command instanceof ClaimTaskCmd claim && EngineCommands.claimant(claim) != null) {
      if (!EngineCommands.claimant(claim).equals(context.getAuthenticatedUserId())) {
        return "Du kan bara ta en uppgift själv. Tilldela den i stället om någon annan ska göra den.";
      }
      return notACandidate(context, context.getTaskManager().findTaskById(EngineCommands.changedTask(claim)),
          EngineCommands.claimant(claim));
    }
    if (command instanceof AssignTaskCmd assign && EngineCommands.assignee(assign) != null) {
      return notACandidate(context, context.getTaskManager().findTaskById(EngineCommands.changedTask(assign)),
          EngineCommands.assignee(assign));
    }
    if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd || command instanceof DeleteProcessInstanceCommentCmd) {
      String taskId = EngineCommands.commentedTask(command);
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      String instance = EngineCommands.commentedInstance(command);
      if (task == null || (instance != null && !instance.equals(task.getProcessInstanceId()))) {
        return "Kommentarer skrivs på uppgifter, av den som arbetar med dem.";
      }
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
    }
    return null;
  }

  /**
   * Why the case stands against giving the task to the user it is claimed by or assigned to (a task form's
   * {@link TaskForm#refusal}, e.g. the DPO who advised on the decision), whoever asks; null when nothing does.
   */
  private String caseRefusal(CommandContext context, Command<?> command) {
    String taskId = null;
    String userId = null;
    if (command instanceof ClaimTaskCmd claim) {
      taskId = EngineCommands.changedTask(claim);
      userId = EngineCommands.claimant(claim);
    } else if (command instanceof AssignTaskCmd assign) {
      taskId = EngineCommands.changedTask(assign);
      userId = EngineCommands.assignee(assign);
    } else if (command instanceof SaveTaskCmd save) {
      TaskEntity task = EngineCommands.savedTask(save);
      if (task != null && task.getRevision() > 0 && task.getPropertyChanges().containsKey(TaskEntity.ASSIGNEE)) {
        taskId = task.getId();
        userId = task.getAssignee();
      }
    }
    if (taskId == null || userId == null) {
      return null;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || !ofTheProcess(task)) {
      return null;
    }
    return forms.of(BpmnIds.step(task.getTaskDefinitionKey())).refusal(incident(task), userId);
  }

  /**
   * Why the task cannot go to this user, or null when the user is one of its candidates: a candidate user, or a
   * member of a candidate group. The application checks this, not the caller: it is read without the caller's
   * authorizations (which may not even let them read another user's groups, with LDAP).
   */
  private static String notACandidate(CommandContext context, TaskEntity task, String userId) {
    Set<String> groups = new TreeSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (userId.equals(link.getUserId())) {
        return null;
      }
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    if (!groups.isEmpty() && asTheApplication(context, () -> context.getReadOnlyIdentityProvider()
        .createGroupQuery(context).groupMember(userId).list().stream().map(Group::getId).anyMatch(groups::contains))) {
      return null;
    }
    return groups.isEmpty()
        ? "Uppgiften har inga kandidater: bara en administratör kan tilldela den."
        : "Uppgiften kan bara tas av eller tilldelas någon som hör till " + String.join(", ", groups) + ".";
  }

  /** Runs a read with neither the current user's authentication nor the engine's authorization checks. */
  private static <T> T asTheApplication(CommandContext context, Supplier<T> read) {
    IdentityService identity = context.getProcessEngineConfiguration().getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return context.runWithoutAuthorization(read::get);
    } finally {
      identity.setAuthentication(caller);
    }
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static boolean ofTheProcess(TaskEntity task) {
    return task.getProcessDefinitionId() != null && task.getProcessDefinition() != null
        && BpmnIds.PROCESS.equals(task.getProcessDefinition().getKey());
  }

  private Incident incident(TaskEntity task) {
    String number = task.getProcessInstance().getBusinessKey();
    return incidents.find(number)
        .orElseThrow(() -> new IllegalStateException("No incident " + number + " for task " + task.getId()));
  }

  /** A field error for every name the step does not own. */
  private static List<FieldError> unknown(Map<String, Object> variables, Set<String> owned) {
    if (variables == null) {
      return List.of();
    }
    return FieldError.unknown(variables.keySet(), owned.stream().sorted().toList(),
        "Fältet hör inte till formuläret och kan inte skickas här");
  }

  private static void refuseIfAny(String title, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidSubmissionException(new InvalidInputException(title, errors));
    }
  }

  /**
   * The submitted values as the step's checks read them: the plain value of each typed value, and an error for a
   * value whose type cannot be a form's (a serialized Java or XML object, say) — it is never deserialized.
   */
  static Function<String, Object> reader(Map<String, Object> variables) {
    return name -> {
      if (variables == null) {
        return null;
      }
      Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      if (!(value instanceof TypedValue typedValue)) {
        return plain(value);
      }
      if (typedValue instanceof SerializableValue serializable && !serializable.isDeserialized()
          && !"application/json".equals(serializable.getSerializationDataFormat())) {
        throw new InvalidFieldException(name, "har en typ som formuläret inte använder");
      }
      try {
        return plain(typedValue.getValue());
      } catch (RuntimeException unreadable) {
        throw new InvalidFieldException(name, "kan inte läsas");
      }
    };
  }

  /** A checklist's JSON array as a list (of texts, and of anything else the field will refuse). */
  private static Object plain(Object value) {
    if (value instanceof SpinJsonNode node && node.isArray()) {
      List<Object> elements = new ArrayList<>();
      node.elements().forEach(element -> elements.add(element.isString() ? element.stringValue() : element));
      return elements;
    }
    return value;
  }
}
