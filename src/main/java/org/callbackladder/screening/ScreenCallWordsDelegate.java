package org.callbackladder.screening;

import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import java.util.UUID;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.attempt.AttemptOutcome;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.attempt.CallAttemptRepository;
import org.callbackladder.escalation.ClinicalHandOff.RaisedBy;
import org.callbackladder.request.Screening.Level;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Screen the patient's words" (Task_ScreenCallWords), after a call that raised a clinical
 * concern or an emergency. The hand-off that follows is urgent when the coordinator said so or when
 * the red-flag table reads the patient's words as a possible emergency.
 */
@Component("screenCallWords")
public class ScreenCallWordsDelegate implements JavaDelegate {

  private final RedFlags redFlags;
  private final CallAttemptRepository attempts;

  public ScreenCallWordsDelegate(RedFlags redFlags, CallAttemptRepository attempts) {
    this.redFlags = redFlags;
    this.attempts = attempts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID request = requestId(execution);
    CallAttempt call = attempts.getRequired(request, attemptNumber(execution));
    Level level = redFlags.raisedInCall(request, call.getOutcome() == AttemptOutcome.EMERGENCY, call.getPatientWords());
    execution.setVariable(Vars.SCREENING, level.name());
    execution.setVariable(Vars.HAND_OFF_RAISED_BY, RaisedBy.CALL.name());
  }
}
