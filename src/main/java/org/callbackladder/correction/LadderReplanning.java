package org.callbackladder.correction;

import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.TASK_PATIENT_RETURNED_CALL;
import static org.callbackladder.CallbackProcess.TIMER_NEXT_ATTEMPT_DUE;
import static org.callbackladder.CallbackProcess.TIMER_RESPONSE_WINDOW_ENDS;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.attempt.CallSheetRefresh;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.schedule.NextAttemptPlanner;
import org.callbackladder.schedule.NextAttemptPlanner.PlannedAttempt;
import org.callbackladder.schedule.PracticeCalendar;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * After the patient's details changed, the open ladder plans again: a waiting next attempt moves to
 * a time that fits the corrected details, an open call shows from the first moment the patient may
 * now be called, and every open sheet shows the new details. A ladder with a person deciding (no
 * time to call, a number to find, the clinical team) is left to them.
 */
@Service
class LadderReplanning {

  private final NextAttemptPlanner planner;
  private final PracticeCalendar calendar;
  private final CallSheetRefresh sheets;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  LadderReplanning(NextAttemptPlanner planner, PracticeCalendar calendar, CallSheetRefresh sheets, TaskService tasks,
      RuntimeService runtime, ManagementService management) {
    this.planner = planner;
    this.calendar = calendar;
    this.sheets = sheets;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
  }

  /**
   * @param timing whether what changed decides when the patient may be called (their number, time
   *     zone or preferred times); otherwise only the sheets are refreshed
   */
  void replan(CallbackRequest request, boolean timing) {
    String ladder = request.getProcessInstanceId();
    if (ladder == null || runtime.createProcessInstanceQuery().processInstanceId(ladder).count() == 0) {
      return;
    }
    // a request with the clinical team since intake has no window yet: nothing is planned to move
    String responseWindow = (String) runtime.getVariable(ladder, Vars.RESPONSE_WINDOW);
    if (timing && responseWindow != null) {
      replanCalls(request, ladder, Duration.parse(responseWindow));
    }
    sheets.refresh(request.getId());
  }

  private void replanCalls(CallbackRequest request, String ladder, Duration window) {
    Job waiting = management.createJobQuery().processInstanceId(ladder).activityId(TIMER_NEXT_ATTEMPT_DUE).singleResult();
    // a time the patient or a manager chose stays
    if (waiting != null && !NextAttemptPlanner.wasChosen(request)) {
      int attempt = (Integer) runtime.getVariable(ladder, Vars.ATTEMPT_NUMBER);
      planner.plan(request.getId(), window, attempt, (Integer) runtime.getVariable(ladder, Vars.MAX_ATTEMPTS))
          .ifPresent(planned -> moveWaitingAttempt(ladder, waiting, planned));
    }
    for (Task call : tasks.createTaskQuery().processInstanceId(ladder)
        .taskDefinitionKeyIn(TASK_CALL_PATIENT, TASK_PATIENT_RETURNED_CALL).list()) {
      planner.earliestCall(request.getId()).ifPresent(first -> showFrom(call, first, window));
    }
  }

  private void moveWaitingAttempt(String ladder, Job waiting, PlannedAttempt planned) {
    runtime.setVariable(ladder, Vars.NEXT_ATTEMPT_AT, planned.at());
    runtime.setVariable(ladder, Vars.ATTEMPT_FOLLOW_UP_AT, planned.at());
    runtime.setVariable(ladder, Vars.ATTEMPT_DUE_AT, planned.dueAt());
    management.setJobDuedate(waiting.getId(), Date.from(OffsetDateTime.parse(planned.at()).toInstant()));
  }

  /** The call shows from the first moment the patient may be called; its window never ends before one has passed. */
  void showFrom(Task call, Instant first, Duration window) {
    call.setFollowUpDate(Date.from(first));
    Instant due = calendar.addOpenTime(first, window);
    if (call.getDueDate() == null || due.isAfter(call.getDueDate().toInstant())) {
      call.setDueDate(Date.from(due));
      runtime.setVariable(call.getProcessInstanceId(), Vars.ATTEMPT_DUE_AT, calendar.timerDate(due));
      Job windowEnds = management.createJobQuery().processInstanceId(call.getProcessInstanceId())
          .activityId(TIMER_RESPONSE_WINDOW_ENDS).singleResult();
      if (windowEnds != null) {
        management.setJobDuedate(windowEnds.getId(), Date.from(due));
      }
    }
    tasks.saveTask(call);
  }
}
