package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_AGENT;

import org.callbackladder.CallbackProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Call patient" (Task_CallPatient) and "Patient returned call", on complete. Refuses a
 * completion without the required fields (the task stays open) and notes who made the call.
 */
@Component("checkCallOutcome")
public class CheckCallOutcomeListener implements TaskListener {

  private final CallRules rules;

  public CheckCallOutcomeListener(CallRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    AttemptReport.of(task, rules);
    task.setVariable(ATTEMPT_AGENT, CallbackProcess.worker(task));
  }
}
