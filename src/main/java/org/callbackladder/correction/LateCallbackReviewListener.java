package org.callbackladder.correction;

import static org.callbackladder.CallbackProcess.Vars.LATE_CALL_AT;
import static org.callbackladder.CallbackProcess.Vars.HAND_TO;
import static org.callbackladder.CallbackProcess.Vars.LATE_CLOSURE_REASON;
import static org.callbackladder.CallbackProcess.Vars.LATE_DECISION;
import static org.callbackladder.CallbackProcess.Vars.LATE_NOTE;
import static org.callbackladder.CallbackProcess.Vars.QUEUE;
import static org.callbackladder.CallbackProcess.requestId;
import static org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_CREATE;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.callbackladder.CallbackProcess;
import org.callbackladder.TaskSheet;
import org.callbackladder.attempt.CallRules;
import org.callbackladder.attempt.CallSheets;
import org.callbackladder.closure.StaffClosure;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.schedule.PracticeCalendar;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Review late first callback" (Task_ReviewLateCallback). On create: the manager's sheet,
 * with when the call was due. On complete: the decision and what it needs, checked before anything
 * is stored; corrected details and a closure are recorded in the manager's name, and "Act on the
 * manager's decision" applies the rest to the open call.
 */
@Component("lateCallbackReview")
public class LateCallbackReviewListener implements TaskListener {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.US);

  /** What a manager can do about a first call nobody made in time (the ladder already put it at the top of its queue). */
  enum Decision { CALLING_NOW, HAND_TO, CALL_AT, CLOSE }

  private final CallSheets sheets;
  private final PatientCorrections corrections;
  private final CallRules rules;
  private final PracticeCalendar calendar;
  private final StaffClosure closure;

  public LateCallbackReviewListener(CallSheets sheets, PatientCorrections corrections, CallRules rules,
      PracticeCalendar calendar, StaffClosure closure) {
    this.sheets = sheets;
    this.corrections = corrections;
    this.rules = rules;
    this.calendar = calendar;
    this.closure = closure;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String due = DUE.format(calendar.practiceTime(
          OffsetDateTime.parse((String) task.getVariable(CallbackProcess.Vars.ATTEMPT_DUE_AT)).toInstant()));
      Map<String, Object> sheet = sheets.forCorrection(requestId(task), "The first call was due " + due
          + " and nobody has made it. The call is at the top of its queue now. Make sure someone calls: hand it to a"
          + " colleague, move it to a time that suits the patient, or close the request with a reason.");
      TaskSheet.put(task, sheet);
      task.setVariableLocal(CallbackProcess.WORKLIST_LINE, sheets.worklistLine(requestId(task), sheet, "First call late"));
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    Decision decision = FieldRules.oneOf(Decision.class, LATE_DECISION, task.getVariable(LATE_DECISION), problems);
    PatientCorrections.FormFields corrected = PatientCorrections.FormFields.of(task, problems);
    // what belongs to another decision is refused, so no free text rides along into history
    Map.of(HAND_TO, Decision.HAND_TO, LATE_CALL_AT, Decision.CALL_AT, LATE_CLOSURE_REASON, Decision.CLOSE, LATE_NOTE, Decision.CLOSE)
        .forEach((field, owner) -> {
          Object given = task.getVariable(field);
          if (decision != owner && given != null && !"".equals(given)) {
            problems.add(new FieldProblem(field, "notForThisDecision", "only with the decision it belongs to"));
          }
        });
    if ((decision == Decision.HAND_TO || decision == Decision.CALL_AT) && !callOpen(task)) {
      problems.add(new FieldProblem(LATE_DECISION, "noOpenCall", "the first call was made meanwhile: there is no call to hand over or move"));
    }
    if (decision == Decision.HAND_TO) {
      String colleague = FieldRules.requiredText(HAND_TO, task.getVariable(HAND_TO), 64, problems);
      String queue = (String) task.getVariable(QUEUE);
      if (colleague != null && !inQueue(task, colleague, queue)) {
        problems.add(new FieldProblem(HAND_TO, "queue", "must be the user id of someone in the call's queue (" + queue + ")"));
      }
    }
    if (decision == Decision.CALL_AT) {
      rules.callBackAt(LATE_CALL_AT, task.getVariable(LATE_CALL_AT), problems);
    }
    if (decision == Decision.CLOSE) {
      ClosureReason reason = FieldRules.oneOf(ClosureReason.class, LATE_CLOSURE_REASON, task.getVariable(LATE_CLOSURE_REASON),
          problems);
      if (reason != null && !StaffClosure.REASONS.contains(reason)) {
        problems.add(new FieldProblem(LATE_CLOSURE_REASON, "one-of", "must be one of "
            + StaffClosure.REASONS.stream().map(Enum::name).sorted().toList()));
      }
      FieldRules.requiredText(LATE_NOTE, task.getVariable(LATE_NOTE), StaffClosure.NOTE_MAX, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    // recorded now, in the manager's name; the open call plans again in "Act on the manager's decision"
    corrections.correctFromForm(task, corrected);
    if (decision == Decision.CLOSE) {
      closure.closeInLadder(requestId(task), ClosureReason.valueOf((String) task.getVariable(LATE_CLOSURE_REASON)),
          (String) task.getVariable(LATE_NOTE));
      task.removeVariables(List.of(LATE_CLOSURE_REASON, LATE_NOTE));
    }
  }

  private static boolean callOpen(DelegateTask task) {
    return task.getProcessEngineServices().getTaskService().createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).count() > 0;
  }

  /** Whether the user is in the group; read with the engine's rights, as managers may not list users. */
  private static boolean inQueue(DelegateTask task, String userId, String queue) {
    return Context.getCommandContext().runWithoutAuthorization(() -> task.getProcessEngineServices().getIdentityService()
        .createUserQuery().userId(userId).memberOfGroup(queue).count() > 0);
  }
}
