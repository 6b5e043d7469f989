package org.callbackladder.access;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.callbackladder.CallbackProcess;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.TelemetryConfigureCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What people may do through Camunda's API (engine-rest, the webapps' own, Java), where its
 * permissions are coarser than the product's rules. A command interceptor checks the command a
 * person sends, before anything runs; what the ladder's own code does inside it, and the job
 * executor, are not limited, and neither are administrators.
 * <ul>
 *   <li>A start carries only the fields of the start form ({@link CallbackProcess.StartForm#FIELDS}).
 *   <li>A completion (complete, submit-form, resolve) carries only the answers of its task's form
 *       ({@link CallbackProcess#FORM_ANSWERS}): not the ladder's facts, not the call sheet's patient
 *       details, nothing else that would land in the process's variables; and every answer but the
 *       written ones (kept out of history) is a choice or a tick, never free text.
 *   <li>A clinical task is completed by the clinical team only, practice managers included.
 *   <li>No BPMN error or escalation is thrown at a task: no task of the ladder catches one.
 *   <li>A task stays in its queue: nobody adds or removes candidates. It is claimed only by the person
 *       claiming, and handed over (assignee, owner, delegate) only to someone in its queue or a
 *       practice manager (a clinical task: to the clinical team only). Its name, dates and priority
 *       are the ladder's. No comments or attachments: notes belong in the task's form; Camunda keeps
 *       comments and attachments in its history, where patient words must not go.
 *   <li>Only the application moves a ladder: no messages (correlated or triggered at an execution),
 *       signals or conditions from people (the
 *       engine would also say whether a ladder matched), no start at a chosen activity, no job run by
 *       hand (a refused run still costs the job a retry), retries only for failed jobs (never taken
 *       from a waiting one), no job's time moved, no engine settings.
 *   <li>No search of processes by the values of their variables: it would answer what a person may
 *       not read, one guess at a time.
 * </ul>
 */
@Component
public class EngineGuard extends AbstractProcessEnginePlugin {

  /** The value of a choice in a form: what radio buttons, selects and the call outcomes submit. */
  private static final Pattern CHOICE = Pattern.compile("[A-Z][A-Z_]{0,39}");

  /** How deep the current thread is in commands: only the one a person sent (depth 1) is checked. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
          CommandContext context = Context.getCommandContext();
          String person = context.getAuthenticatedUserId();
          List<String> groups = context.getAuthenticatedGroupIds();
          if (depth[0] == 1 && person != null && (groups == null || !groups.contains(Groups.ADMINS))) {
            context.runWithoutAuthorization(() -> {
              check(command, person, context);
              return null;
            });
          }
          return next.execute(command);
        } finally {
          depth[0]--;
        }
      }
    });
  }

  static void check(Command<?> command, String person, CommandContext context) {
    checkStart(command);
    checkTaskWork(command, context);
    checkQueue(command, person, context);
    checkLadderMoves(command, context);
    checkSearches(command);
  }

  private static void checkStart(Command<?> command) {
    Map<?, ?> carried = command instanceof SubmitStartFormCmd ? field(command, SubmitStartFormCmd.class, "variables")
        : command instanceof StartProcessInstanceCmd
            ? ((ProcessInstantiationBuilderImpl) field(command, StartProcessInstanceCmd.class, "instantiationBuilder")).getVariables()
            : null;
    if (carried != null) {
      Set<Object> refused = carried.keySet().stream().filter(name -> !CallbackProcess.StartForm.FIELDS.contains(name))
          .collect(Collectors.toSet());
      if (!refused.isEmpty()) {
        throw new InvalidInputException(List.of(new FieldProblem("variables", "start-form",
            "may only be the fields of the start form, not " + refused)));
      }
    }
  }

  private static void checkTaskWork(Command<?> command, CommandContext context) {
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw new BadUserRequestException("Tasks are finished by completing their form; BPMN errors and escalations"
          + " are thrown by the ladder, not at its tasks");
    }
    // complete, resolve (a CompleteTaskCmd too) and submit-form
    String completed = command instanceof CompleteTaskCmd ? field(command, CompleteTaskCmd.class, "taskId")
        : command instanceof SubmitTaskFormCmd ? field(command, SubmitTaskFormCmd.class, "taskId") : null;
    Map<?, ?> carried = command instanceof CompleteTaskCmd ? field(command, CompleteTaskCmd.class, "variables")
        : command instanceof SubmitTaskFormCmd ? field(command, SubmitTaskFormCmd.class, "properties") : null;
    TaskEntity task = completed == null ? null : context.getTaskManager().findTaskById(completed);
    if (task != null) {
      checkAnswers(task, carried == null ? Map.of() : carried);
      if (CallbackProcess.CLINICAL_TASKS.contains(task.getTaskDefinitionKey())
          && !context.getAuthenticatedGroupIds().contains(Groups.CLINICAL_TEAM)) {
        throw new AuthorizationException("A clinical task is decided by the clinical team");
      }
    }
    if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd || command instanceof DeleteProcessInstanceCommentCmd
        || command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd
        || command instanceof DeleteAttachmentCmd) {
      throw new AuthorizationException("Notes go in the task's form, kept with the request; Camunda's comments and"
          + " attachments would keep the patient's words in its history");
    }
    if (command instanceof SaveTaskCmd) {
      throw new AuthorizationException("A task's name, dates and priority come from the ladder");
    }
  }

  /**
   * A completion carries the answers of its own task's form only; every answer but the written ones
   * (kept out of history) and the checked ones (a date, a queue, a number) is a choice (an upper-case
   * value) or a tick, never free text.
   */
  private static void checkAnswers(TaskEntity task, Map<?, ?> carried) {
    Set<String> asked = CallbackProcess.FORM_ANSWERS.getOrDefault(task.getTaskDefinitionKey(), Set.of());
    Set<Object> refused = carried.keySet().stream().filter(name -> !asked.contains(name)).collect(Collectors.toSet());
    if (!refused.isEmpty()) {
      throw new AuthorizationException("A completion carries the answers of the task's form only, not " + refused);
    }
    for (Map.Entry<?, ?> answer : carried.entrySet()) {
      Object value = answer.getValue() instanceof TypedValue typed ? typed.getValue() : answer.getValue();
      boolean choice = value == null || value instanceof Boolean
          || value instanceof String text && CHOICE.matcher(text).matches();
      if (!choice && !CallbackProcess.WRITTEN_ANSWERS.contains(answer.getKey())
          && !CallbackProcess.CHECKED_ANSWERS.contains(answer.getKey())) {
        throw new InvalidInputException(List.of(new FieldProblem(String.valueOf(answer.getKey()), "choice",
            "must be one of the form's choices")));
      }
    }
  }

  private static void checkQueue(Command<?> command, String person, CommandContext context) {
    if (command instanceof DeleteIdentityLinkCmd) {
      throw new AuthorizationException("A task's candidates come from the ladder; release a task instead of removing its links");
    }
    if (command instanceof ClaimTaskCmd) {
      String claimant = field(command, ClaimTaskCmd.class, "userId");
      if (claimant != null && !claimant.equals(person)) {
        throw new AuthorizationException("A task is claimed by the person who works it; a manager hands it over");
      }
    }
    if (command instanceof AbstractAddIdentityLinkCmd) {
      String type = field(command, AbstractAddIdentityLinkCmd.class, "type");
      if (field(command, AbstractAddIdentityLinkCmd.class, "groupId") != null || IdentityLinkType.CANDIDATE.equals(type)) {
        throw new AuthorizationException("A task's queue comes from the ladder; nobody adds candidates to it");
      }
      handOverOnlyInQueue(field(command, AbstractSetTaskPropertyCmd.class, "taskId"),
          field(command, AbstractAddIdentityLinkCmd.class, "userId"), context);
    }
    if (command instanceof DelegateTaskCmd) {
      handOverOnlyInQueue(field(command, DelegateTaskCmd.class, "taskId"), field(command, DelegateTaskCmd.class, "userId"), context);
    }
  }

  private static void checkLadderMoves(Command<?> command, CommandContext context) {
    if (command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
        || command instanceof SignalEventReceivedCmd || command instanceof EvaluateStartConditionCmd) {
      throw new AuthorizationException("Messages, signals and conditions reach a ladder from the application only");
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      throw new InvalidInputException(List.of(new FieldProblem("startInstructions", "not-allowed",
          "are for administrators: processes start at their start event")));
    }
    if (command instanceof ExecuteJobsCmd || command instanceof FailedJobListener) {
      // Camunda counts a refused run as a failure of the job; the failure is not counted either
      throw new AuthorizationException("Jobs run when they are due; retry a failed one instead");
    }
    Class<?> retrying = command instanceof SetJobRetriesCmd ? SetJobRetriesCmd.class
        : command instanceof AbstractSetJobsRetriesBatchCmd ? AbstractSetJobsRetriesBatchCmd.class : null;
    if (retrying != null && ((int) field(command, retrying, "retries") < 1 || Boolean.TRUE.equals(field(command, retrying, "isDueDateSet"))
        || !onlyFailedJobs(command, context))) {
      throw new AuthorizationException("Retries are given to failed jobs (named one by one), not taken from waiting ones,"
          + " and a job's time is the ladder's");
    }
    if (command instanceof SetJobDuedateCmd || command instanceof TelemetryConfigureCmd) {
      throw new AuthorizationException("A job's time and the engine's settings are the ladder's and the administrators'");
    }
  }

  /**
   * Whether a retry names failed jobs only: one job or a list of them, each out of retries, or a job
   * definition (Camunda then retries its failed jobs only). A retry by query or by process would
   * reach jobs still waiting; those are for administrators.
   */
  private static boolean onlyFailedJobs(Command<?> command, CommandContext context) {
    List<String> ids = new ArrayList<>();
    if (command instanceof SetJobRetriesCmd) {
      String jobId = field(command, SetJobRetriesCmd.class, "jobId");
      List<String> jobIds = field(command, SetJobRetriesCmd.class, "jobIds");
      if (jobId != null) {
        ids.add(jobId);
      }
      if (jobIds != null) {
        ids.addAll(jobIds);
      }
    } else if (command instanceof SetJobsRetriesBatchCmd && field(command, SetJobsRetriesBatchCmd.class, "jobQuery") == null) {
      List<String> jobIds = field(command, SetJobsRetriesBatchCmd.class, "ids");
      ids.addAll(jobIds == null ? List.of() : jobIds);
    } else {
      return false;
    }
    return ids.stream().map(id -> context.getJobManager().findJobById(id))
        .allMatch(job -> job == null || job.getRetries() == 0);
  }

  private static void checkSearches(Command<?> command) {
    List<?> orQueries = command instanceof ProcessInstanceQueryImpl instances ? instances.getQueries()
        : command instanceof HistoricProcessInstanceQueryImpl history ? history.getQueries() : List.of();
    boolean byValue = command instanceof AbstractVariableQueryImpl<?, ?> query && !query.getQueryVariableValues().isEmpty()
        || orQueries.stream().anyMatch(or -> !((AbstractVariableQueryImpl<?, ?>) or).getQueryVariableValues().isEmpty())
        || command instanceof HistoricTaskInstanceQueryImpl
            && !((Collection<?>) field(command, HistoricTaskInstanceQueryImpl.class, "variables")).isEmpty()
        || command.getClass().getName().startsWith("org.camunda.bpm.cockpit.") && hasCockpitVariables(command);
    if (byValue) {
      throw new AuthorizationException("Processes are not searched by the values of their variables");
    }
  }

  /** Cockpit's own process-instance search ({@code queryParameter.getVariables()}). */
  private static boolean hasCockpitVariables(Command<?> command) {
    try {
      Field parameter = command.getClass().getDeclaredField("queryParameter");
      parameter.setAccessible(true);
      Object dto = parameter.get(command);
      Object variables = dto == null ? null : dto.getClass().getMethod("getVariables").invoke(dto);
      return variables instanceof Collection<?> list && !list.isEmpty();
    } catch (NoSuchFieldException | NoSuchMethodException other) {
      return false;
    } catch (ReflectiveOperationException changed) {
      throw new IllegalStateException("Cockpit's search " + command.getClass().getName() + " changed", changed);
    }
  }

  /**
   * Refuses a hand-over to someone who is neither in one of the task's queues nor a practice manager;
   * a clinical task goes to the clinical team only.
   */
  private static void handOverOnlyInQueue(String taskId, String user, CommandContext context) {
    if (user == null) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    Set<String> queues = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    boolean clinical = queues.contains(Groups.CLINICAL_TEAM);
    boolean inQueue = context.getReadOnlyIdentityProvider().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .anyMatch(group -> queues.contains(group) || !clinical && Groups.PRACTICE_MANAGERS.equals(group));
    if (!inQueue) {
      throw new AuthorizationException(clinical ? "A clinical task is handed over to the clinical team only"
          : "A task is handed over only to someone in its queue or a practice manager");
    }
  }

  /** A field of a Camunda command; they are not public. */
  @SuppressWarnings("unchecked")
  private static <T> T field(Command<?> command, Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return (T) field.get(command);
    } catch (ReflectiveOperationException changed) {
      throw new IllegalStateException("Camunda's " + type.getSimpleName() + " no longer has its " + name + " field", changed);
    }
  }
}
