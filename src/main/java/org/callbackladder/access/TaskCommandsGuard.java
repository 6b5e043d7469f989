package org.callbackladder.access;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.callbackladder.CallbackProcess;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * What people may do with a task and a process, whichever API they call (engine-rest, Tasklist's
 * own, Java). Camunda's permissions are coarser than the product's rules; this adds the rest, as a
 * command interceptor, before anything changes. Administrators and the application itself (no
 * signed-in person) are not limited.
 * <ul>
 *   <li>A completion (complete, submit-form, resolve) answers the task's form: it may not carry the
 *       ladder's own facts ({@link CallbackProcess.Vars#LADDER_FACTS}) or the call sheet's patient
 *       details ({@link CallbackProcess.CallSheet#FIELDS}, which would otherwise be copied into the
 *       process).
 *   <li>No BPMN error or escalation is thrown at a task: no task of the ladder catches one.
 *   <li>A task stays in its queue: nobody adds or removes candidates. It is claimed only by the person
 *       claiming, and handed over (assignee, owner, delegate) only to someone in its queue or a
 *       practice manager, never to an account that could not read it otherwise.
 *   <li>A task's name, dates and priority are the ladder's: nobody saves a task over them.
 *   <li>No comments: notes belong in the call's outcome, in the project's records; Camunda keeps
 *       comments in its history, where patient words must not go.
 *   <li>No process is started at a chosen activity: start instructions skip the steps that check.
 * </ul>
 */
@Component
public class TaskCommandsGuard extends AbstractProcessEnginePlugin {

  static final Set<String> NOT_FROM_A_COMPLETION =
      Stream.concat(CallbackProcess.Vars.LADDER_FACTS.stream(), CallbackProcess.CallSheet.FIELDS.stream())
          .collect(Collectors.toUnmodifiableSet());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        String person = context.getAuthenticatedUserId();
        List<String> groups = context.getAuthenticatedGroupIds();
        if (person != null && (groups == null || !groups.contains(Groups.ADMINS))) {
          context.runWithoutAuthorization(() -> {
            check(command, person, context);
            return null;
          });
        }
        return next.execute(command);
      }
    });
  }

  static void check(Command<?> command, String person, CommandContext context) {
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw new BadUserRequestException("Tasks are finished by completing their form; BPMN errors and escalations"
          + " are thrown by the ladder, not at its tasks");
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      throw new InvalidInputException(List.of(new FieldProblem("startInstructions", "not-allowed",
          "are for administrators: processes start at their start event")));
    }
    if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd || command instanceof DeleteProcessInstanceCommentCmd) {
      throw new AuthorizationException("Notes go in the call's outcome, kept with the request; Camunda's comments"
          + " would keep the patient's words in its history");
    }
    if (command instanceof SaveTaskCmd) {
      throw new AuthorizationException("A task's name, dates and priority come from the ladder");
    }
    Map<?, ?> carried = command instanceof CompleteTaskCmd ? field(command, CompleteTaskCmd.class, "variables")
        : command instanceof SubmitTaskFormCmd ? field(command, SubmitTaskFormCmd.class, "properties") : null;
    if (carried != null) {
      Set<Object> refused = carried.keySet().stream().filter(NOT_FROM_A_COMPLETION::contains).collect(Collectors.toSet());
      if (!refused.isEmpty()) {
        throw new AuthorizationException("A completion answers the task's form; the ladder sets " + refused
            + " itself and keeps the patient's details out of the process");
      }
    }
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
      String user = field(command, AbstractAddIdentityLinkCmd.class, "userId");
      if (field(command, AbstractAddIdentityLinkCmd.class, "groupId") != null || IdentityLinkType.CANDIDATE.equals(type)) {
        throw new AuthorizationException("A task's queue comes from the ladder; nobody adds candidates to it");
      }
      handOverOnlyInQueue(field(command, AbstractSetTaskPropertyCmd.class, "taskId"), user, context);
    }
    if (command instanceof DelegateTaskCmd) {
      handOverOnlyInQueue(field(command, DelegateTaskCmd.class, "taskId"), field(command, DelegateTaskCmd.class, "userId"), context);
    }
  }

  /** Refuses a hand-over to someone who is neither in one of the task's queues nor a practice manager. */
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
    boolean inQueue = context.getReadOnlyIdentityProvider().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .anyMatch(group -> queues.contains(group) || Groups.PRACTICE_MANAGERS.equals(group));
    if (!inQueue) {
      throw new AuthorizationException("A task is handed over only to someone in its queue or a practice manager");
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
