package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_AGENT;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NOTES;
import static org.callbackladder.CallbackProcess.Vars.EMERGENCY_LINE_GIVEN;
import static org.callbackladder.CallbackProcess.Vars.PATIENT_ASKED;
import static org.callbackladder.CallbackProcess.Vars.PATIENT_WORDS;
import static org.callbackladder.CallbackProcess.Vars.SCHEDULING_STILL_NEEDED;
import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Document attempt" (Task_DocumentAttempt). The notes and the patient's words move into the
 * attempt record and leave the process, and what the patient asked for about contacting them moves
 * to their number's preferences; outcome and resolution stay for the gateways.
 */
@Component("documentAttempt")
public class DocumentAttemptDelegate implements JavaDelegate {

  private final AttemptService attempts;

  public DocumentAttemptDelegate(AttemptService attempts) {
    this.attempts = attempts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    attempts.document(
        requestId(execution), attemptNumber(execution), (String) execution.getVariable(ATTEMPT_AGENT),
        AttemptReport.of(execution));
    execution.removeVariables(Stream.concat(Stream.of(ATTEMPT_NOTES, PATIENT_WORDS, EMERGENCY_LINE_GIVEN,
        SCHEDULING_STILL_NEEDED), PATIENT_ASKED.stream()).toList());
  }
}
