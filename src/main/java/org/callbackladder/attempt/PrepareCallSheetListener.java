package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_AGENT;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NOTES;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_OUTCOME;
import static org.callbackladder.CallbackProcess.Vars.MAX_ATTEMPTS;
import static org.callbackladder.CallbackProcess.Vars.RESOLUTION;
import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import java.util.List;
import java.util.Map;
import org.callbackladder.CallbackProcess;
import org.callbackladder.TaskSheet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Call patient" (Task_CallPatient) and "Patient returned call", on create and on
 * assignment. On create: the call sheet and the line the worklist shows, and the previous
 * attempt's answers cleared so every attempt starts with an empty form. When someone takes the
 * call: the patient's time now and what is left of today's window.
 */
@Component("prepareCallSheet")
public class PrepareCallSheetListener implements TaskListener {

  private final CallSheets callSheets;

  public PrepareCallSheetListener(CallSheets callSheets) {
    this.callSheets = callSheets;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      if (task.getAssignee() != null) {
        TaskSheet.update(task, callSheets.now(requestId(task)));
      }
      return;
    }
    task.removeVariables(List.of(ATTEMPT_OUTCOME, RESOLUTION, ATTEMPT_NOTES, ATTEMPT_AGENT));
    boolean returned = CallbackProcess.TASK_PATIENT_RETURNED_CALL.equals(task.getTaskDefinitionKey());
    int attempt = attemptNumber(task);
    int attempts = (Integer) task.getVariable(MAX_ATTEMPTS);
    Map<String, Object> sheet = callSheets.prepare(requestId(task), attempt, attempts, returned);
    TaskSheet.put(task, sheet);
    task.setVariableLocal(CallbackProcess.WORKLIST_LINE, callSheets.worklistLine(requestId(task), sheet,
        returned ? "Called back" : "Attempt " + attempt + " of " + attempts));
  }
}
