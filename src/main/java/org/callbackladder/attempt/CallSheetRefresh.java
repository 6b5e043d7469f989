package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.TASK_CLINICAL_REVIEW;
import static org.callbackladder.CallbackProcess.TASK_EXCEPTION_REVIEW;
import static org.callbackladder.CallbackProcess.TASK_PATIENT_RETURNED_CALL;
import static org.callbackladder.CallbackProcess.TASK_URGENT_CLINICAL_CALLBACK;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NUMBER;
import static org.callbackladder.CallbackProcess.Vars.MAX_ATTEMPTS;

import java.util.UUID;
import org.callbackladder.TaskSheet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Gives the open tasks of a request (a call, a clinical task, an exception review) a fresh sheet
 * after something new arrived.
 */
@Service
public class CallSheetRefresh {

  private final CallSheets callSheets;
  private final TaskService tasks;

  public CallSheetRefresh(CallSheets callSheets, TaskService tasks) {
    this.callSheets = callSheets;
    this.tasks = tasks;
  }

  public void refresh(UUID callbackRequestId) {
    for (Task task : tasks.createTaskQuery()
        .processInstanceBusinessKey(callbackRequestId.toString())
        .taskDefinitionKeyIn(TASK_CALL_PATIENT, TASK_PATIENT_RETURNED_CALL, TASK_URGENT_CLINICAL_CALLBACK,
            TASK_CLINICAL_REVIEW, TASK_EXCEPTION_REVIEW)
        .list()) {
      if (TASK_CALL_PATIENT.equals(task.getTaskDefinitionKey()) || TASK_PATIENT_RETURNED_CALL.equals(task.getTaskDefinitionKey())) {
        int attempt = (Integer) tasks.getVariable(task.getId(), ATTEMPT_NUMBER);
        int attempts = (Integer) tasks.getVariable(task.getId(), MAX_ATTEMPTS);
        TaskSheet.update(tasks, task.getId(), callSheets.prepare(callbackRequestId, attempt, attempts,
            TASK_PATIENT_RETURNED_CALL.equals(task.getTaskDefinitionKey())));
      } else {
        // a clinician's or reviewer's sheet: the same words and attempts, the rest stays
        TaskSheet.update(tasks, task.getId(), callSheets.basics(callbackRequestId));
      }
    }
  }
}
