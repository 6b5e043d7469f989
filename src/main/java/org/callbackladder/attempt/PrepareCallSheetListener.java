package org.callbackladder.attempt;

import org.callbackladder.TaskSheet;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_AGENT;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NOTES;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_OUTCOME;
import static org.callbackladder.CallbackProcess.Vars.MAX_ATTEMPTS;
import static org.callbackladder.CallbackProcess.Vars.RESOLUTION;
import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Call patient" (Task_CallPatient), on create. Puts the call sheet on the task and clears
 * the previous attempt's answers, so every attempt starts with an empty form.
 */
@Component("prepareCallSheet")
public class PrepareCallSheetListener implements TaskListener {

  private final CallSheets callSheets;

  public PrepareCallSheetListener(CallSheets callSheets) {
    this.callSheets = callSheets;
  }

  @Override
  public void notify(DelegateTask task) {
    task.removeVariables(List.of(ATTEMPT_OUTCOME, RESOLUTION, ATTEMPT_NOTES, ATTEMPT_AGENT));
    TaskSheet.put(task, callSheets.prepare(requestId(task), attemptNumber(task), (Integer) task.getVariable(MAX_ATTEMPTS)));
  }
}
