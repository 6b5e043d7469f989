package org.callbackladder.schedule;

import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import java.time.Duration;
import java.time.Instant;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.schedule.NextAttemptPlanner.PlannedAttempt;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Schedule next attempt" (Task_ScheduleNextAttempt); sets the "Next attempt due" timer. When
 * practice hours and the patient's window never meet, a practice manager decides (BPMN error
 * NoCallingWindow): no attempt is ever scheduled outside the windows.
 */
@Component("scheduleNextAttempt")
public class ScheduleNextAttemptDelegate implements JavaDelegate {

  private final NextAttemptPlanner planner;

  public ScheduleNextAttemptDelegate(NextAttemptPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int next = attemptNumber(execution) + 1;
    Duration window = Duration.parse((String) execution.getVariable(Vars.RESPONSE_WINDOW));
    String chosen = (String) execution.getVariable(Vars.CALL_BACK_AT);
    PlannedAttempt planned;
    if (chosen != null) {
      // the patient (or a manager) chose the time: it is the next attempt, even after the last one
      planned = planner.atChosenTime(requestId(execution), Instant.parse(chosen), window, next);
      execution.removeVariable(Vars.CALL_BACK_AT);
      if (next > (Integer) execution.getVariable(Vars.MAX_ATTEMPTS)) {
        execution.setVariable(Vars.MAX_ATTEMPTS, next);
      }
    } else {
      planned = planner.plan(requestId(execution), window, next, (Integer) execution.getVariable(Vars.MAX_ATTEMPTS))
          .orElseThrow(() -> new BpmnError(CallbackProcess.ERROR_NO_CALLING_WINDOW,
              "Practice hours and the patient's calling window do not meet in the search horizon"));
    }
    execution.setVariable(Vars.ATTEMPT_NUMBER, next);
    execution.setVariable(Vars.NEXT_ATTEMPT_AT, planned.at());
    execution.setVariable(Vars.ATTEMPT_FOLLOW_UP_AT, planned.at());
    execution.setVariable(Vars.ATTEMPT_DUE_AT, planned.dueAt());
  }
}
