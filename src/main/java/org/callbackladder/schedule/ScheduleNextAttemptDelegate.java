package org.callbackladder.schedule;

import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import java.time.Duration;
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
    PlannedAttempt planned = planner
        .plan(requestId(execution), Duration.parse((String) execution.getVariable(Vars.RESPONSE_WINDOW)), next,
            (Integer) execution.getVariable(Vars.MAX_ATTEMPTS))
        .orElseThrow(() -> new BpmnError(CallbackProcess.ERROR_NO_CALLING_WINDOW,
            "Practice hours and the patient's calling window do not meet in the search horizon"));
    execution.setVariable(Vars.ATTEMPT_NUMBER, next);
    execution.setVariable(Vars.NEXT_ATTEMPT_AT, planned.at());
    execution.setVariable(Vars.ATTEMPT_FOLLOW_UP_AT, planned.at());
    execution.setVariable(Vars.ATTEMPT_DUE_AT, planned.dueAt());
  }
}
