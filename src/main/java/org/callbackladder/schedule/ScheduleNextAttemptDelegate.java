package org.callbackladder.schedule;

import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import java.time.Duration;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.schedule.NextAttemptPlanner.PlannedAttempt;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN: "Schedule next attempt" (Task_ScheduleNextAttempt); sets the "Next attempt due" timer. */
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
        .orElseThrow(() -> new IllegalStateException(
            "Practice hours and the patient's calling window do not meet in the search horizon"));
    execution.setVariable(Vars.ATTEMPT_NUMBER, next);
    execution.setVariable(Vars.NEXT_ATTEMPT_AT, planned.at());
    execution.setVariable(Vars.ATTEMPT_FOLLOW_UP_AT, planned.at());
    execution.setVariable(Vars.ATTEMPT_DUE_AT, planned.dueAt());
  }
}
