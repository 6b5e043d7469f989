package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_AGENT;
import static org.callbackladder.CallbackProcess.Vars.APPOINTMENT_AT;
import static org.callbackladder.CallbackProcess.Vars.APPOINTMENT_WITH;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NOTES;
import static org.callbackladder.CallbackProcess.Vars.BETTER_NUMBER;
import static org.callbackladder.CallbackProcess.Vars.CALLER_NAME;
import static org.callbackladder.CallbackProcess.Vars.CALL_BACK_AT;
import static org.callbackladder.CallbackProcess.Vars.OUTSIDE_WINDOW_REASON;
import static org.callbackladder.CallbackProcess.Vars.SPOKE_WITH;
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
  private final CallRules rules;
  private final CallerDetails callers;

  public DocumentAttemptDelegate(AttemptService attempts, CallRules rules, CallerDetails callers) {
    this.attempts = attempts;
    this.rules = rules;
    this.callers = callers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AttemptReport report = AttemptReport.of(execution, rules);
    String agent = (String) execution.getVariable(ATTEMPT_AGENT);
    attempts.document(requestId(execution), attemptNumber(execution), agent, report);
    callers.learned(requestId(execution), report.settled().callerName(), report.settled().betterNumber(), agent);
    if (report.settled().callBackAt() != null) {
      // "Schedule next attempt" reads it, as an instant
      execution.setVariable(CALL_BACK_AT, report.settled().callBackAt().toString());
    } else {
      execution.removeVariable(CALL_BACK_AT);
    }
    // the chosen queue and time stay for the steps that act on them; the rest lives on the attempt
    execution.removeVariables(Stream.of(Stream.of(ATTEMPT_NOTES, PATIENT_WORDS, EMERGENCY_LINE_GIVEN,
        SCHEDULING_STILL_NEEDED, APPOINTMENT_AT, APPOINTMENT_WITH, SPOKE_WITH, OUTSIDE_WINDOW_REASON, CALLER_NAME, BETTER_NUMBER),
        PATIENT_ASKED.stream())
        .flatMap(s -> s).toList());
  }
}
