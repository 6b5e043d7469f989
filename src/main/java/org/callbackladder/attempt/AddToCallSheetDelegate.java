package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.Vars.MAX_ATTEMPTS;
import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Add to call sheet" (Task_AddToCallSheet), when the patient got in touch again while the
 * request is open. The signal is already stored; an open call task gets a fresh sheet showing it.
 * Between attempts there is no task: the next one is prepared with every signal anyway.
 */
@Component("addToCallSheet")
public class AddToCallSheetDelegate implements JavaDelegate {

  private final CallSheets callSheets;
  private final TaskService tasks;

  public AddToCallSheetDelegate(CallSheets callSheets, TaskService tasks) {
    this.callSheets = callSheets;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (Task call : tasks.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_CALL_PATIENT)
        .list()) {
      tasks.setVariablesLocal(
          call.getId(),
          callSheets.prepare(requestId(execution), attemptNumber(execution), (Integer) execution.getVariable(MAX_ATTEMPTS)));
    }
  }
}
