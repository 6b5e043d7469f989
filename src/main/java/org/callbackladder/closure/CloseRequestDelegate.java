package org.callbackladder.closure;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_OUTCOME;
import static org.callbackladder.CallbackProcess.Vars.RESOLUTION;
import static org.callbackladder.CallbackProcess.requestId;

import org.callbackladder.attempt.AttemptReport;
import org.callbackladder.request.ClosureReason;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN: "Close request" (Task_CloseRequest). */
@Component("closeRequest")
public class CloseRequestDelegate implements JavaDelegate {

  private final ClosureService closures;

  public CloseRequestDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(ATTEMPT_OUTCOME) == null) {
      // closed by a practice manager before any call could be made
      closures.close(requestId(execution), ClosureReason.UNREACHABLE);
      return;
    }
    AttemptReport last =
        AttemptReport.of(execution.getVariable(ATTEMPT_OUTCOME), execution.getVariable(RESOLUTION), null);
    closures.close(requestId(execution), ClosureService.reasonFor(last.outcome(), last.resolution()));
  }
}
