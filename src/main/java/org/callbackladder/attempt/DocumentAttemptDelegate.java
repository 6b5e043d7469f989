package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_AGENT;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NOTES;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_OUTCOME;
import static org.callbackladder.CallbackProcess.Vars.RESOLUTION;
import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Document attempt" (Task_DocumentAttempt). The notes move into the attempt record and leave
 * the process; outcome and resolution stay for the gateways.
 */
@Component("documentAttempt")
public class DocumentAttemptDelegate implements JavaDelegate {

  private final AttemptService attempts;

  public DocumentAttemptDelegate(AttemptService attempts) {
    this.attempts = attempts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AttemptReport report =
        AttemptReport.of(
            execution.getVariable(ATTEMPT_OUTCOME),
            execution.getVariable(RESOLUTION),
            execution.getVariable(ATTEMPT_NOTES));
    attempts.document(
        requestId(execution), attemptNumber(execution), (String) execution.getVariable(ATTEMPT_AGENT), report);
    execution.removeVariable(ATTEMPT_NOTES);
  }
}
