package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.requestId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Add to call sheet" (Task_AddToCallSheet), when the patient got in touch again while the
 * request is open. The signal is already stored; an open call task gets a fresh sheet showing it.
 * Between attempts there is no task: the next one is prepared with every signal anyway.
 */
@Component("addToCallSheet")
public class AddToCallSheetDelegate implements JavaDelegate {

  private final CallSheetRefresh refresh;

  public AddToCallSheetDelegate(CallSheetRefresh refresh) {
    this.refresh = refresh;
  }

  @Override
  public void execute(DelegateExecution execution) {
    refresh.refresh(requestId(execution));
  }
}
