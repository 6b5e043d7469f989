package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.TASK_PATIENT_RETURNED_CALL;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NUMBER;
import static org.callbackladder.CallbackProcess.Vars.MAX_ATTEMPTS;

import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Gives the open call task of a request a fresh call sheet after something new arrived. */
@Service
public class CallSheetRefresh {

  private final CallSheets callSheets;
  private final TaskService tasks;

  public CallSheetRefresh(CallSheets callSheets, TaskService tasks) {
    this.callSheets = callSheets;
    this.tasks = tasks;
  }

  public void refresh(UUID callbackRequestId) {
    for (Task call : tasks.createTaskQuery()
        .processInstanceBusinessKey(callbackRequestId.toString())
        .taskDefinitionKeyIn(TASK_CALL_PATIENT, TASK_PATIENT_RETURNED_CALL)
        .list()) {
      int attempt = (Integer) tasks.getVariable(call.getId(), ATTEMPT_NUMBER);
      int attempts = (Integer) tasks.getVariable(call.getId(), MAX_ATTEMPTS);
      tasks.setVariablesLocal(call.getId(), callSheets.prepare(callbackRequestId, attempt, attempts));
    }
  }
}
