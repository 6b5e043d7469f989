package org.callbackladder.routing;

import static org.callbackladder.CallbackProcess.requestId;

import java.util.Map;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.Vars;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Assign queue and response window" (Task_AssignQueue). Applies the result of the "Callback
 * routing" table to the request and sets up the first attempt, or raises NoCallingWindow when the
 * patient cannot be called inside both windows in the days ahead.
 */
@Component("assignQueue")
public class AssignQueueDelegate implements JavaDelegate {

  private final QueueAssignment assignment;

  public AssignQueueDelegate(QueueAssignment assignment) {
    this.assignment = assignment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> routing = (Map<String, Object>) execution.getVariable(Vars.ROUTING);
    if (routing == null) {
      throw new IllegalStateException(
          "No rule of the Callback routing table matches reason "
              + execution.getVariable(Vars.REASON) + " on channel " + execution.getVariable(Vars.CHANNEL));
    }
    Assignment assigned = assignment.assign(requestId(execution), RoutingDecision.of(routing));
    execution.removeVariable(Vars.ROUTING);
    execution.setVariable(Vars.QUEUE, assigned.decision().queue());
    execution.setVariable(Vars.PRIORITY, assigned.decision().priority());
    execution.setVariable(Vars.RESPONSE_WINDOW, assigned.decision().responseWindow().toString());
    execution.setVariable(Vars.MAX_ATTEMPTS, assigned.maxAttempts());
    execution.setVariable(Vars.ATTEMPT_NUMBER, assigned.firstAttemptNumber());
    execution.setVariable(Vars.ATTEMPT_DUE_AT, assigned.firstAttemptDueAt());
    execution.setVariable(Vars.ATTEMPT_FOLLOW_UP_AT, assigned.firstAttemptFollowUpAt());
    if (assigned.firstAttemptFollowUpAt() == null) {
      // this attempt is not made yet: scheduling again plans it
      execution.setVariable(Vars.ATTEMPT_NUMBER, assigned.attemptsSoFar());
      throw new BpmnError(CallbackProcess.ERROR_NO_CALLING_WINDOW,
          "Practice hours and the patient's calling window do not meet in the search horizon");
    }
  }
}
