package org.callbackladder.escalation;

import static org.callbackladder.CallbackProcess.handOffId;

import org.callbackladder.CallbackProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Check whether a clinician took it" (Task_CheckHandOffTaken), each time a clinical task's
 * window timer fires. Counts the escalation while the task is unclaimed and says whether a manager
 * must be told now.
 */
@Component("checkHandOffTaken")
public class CheckHandOffTakenDelegate implements JavaDelegate {

  private final ClinicalHandOffs handOffs;

  public CheckHandOffTakenDelegate(ClinicalHandOffs handOffs) {
    this.handOffs = handOffs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariableLocal(Vars.HAND_OFF_ESCALATION,
        handOffs.windowPassed(handOffId(execution), execution.getProcessInstanceId()).name());
  }
}
