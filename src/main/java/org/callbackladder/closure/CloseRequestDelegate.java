package org.callbackladder.closure;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_OUTCOME;
import static org.callbackladder.CallbackProcess.Vars.CLOSURE_REASON;
import static org.callbackladder.CallbackProcess.Vars.RESOLUTION;
import static org.callbackladder.CallbackProcess.requestId;

import org.callbackladder.attempt.AttemptReport;
import org.callbackladder.request.ClosureReason;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Close request" (Task_CloseRequest) and "Close as handled by the clinical team". The reason
 * a person chose (a clinician, an exception review) comes first; else the last call's outcome.
 */
@Component("closeRequest")
public class CloseRequestDelegate implements JavaDelegate {

  private final ClosureService closures;

  public CloseRequestDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object chosen = execution.getVariable(CLOSURE_REASON);
    if (chosen != null) {
      closures.close(requestId(execution), ClosureReason.valueOf(chosen.toString()));
    } else if (execution.getVariable(ATTEMPT_OUTCOME) == null) {
      // closed by a practice manager before any call could be made
      closures.close(requestId(execution), ClosureReason.UNREACHABLE);
    } else {
      AttemptReport last = AttemptReport.of(execution.getVariable(ATTEMPT_OUTCOME), execution.getVariable(RESOLUTION), null);
      closures.close(requestId(execution), ClosureService.reasonFor(last.outcome(), last.resolution()));
    }
  }
}
