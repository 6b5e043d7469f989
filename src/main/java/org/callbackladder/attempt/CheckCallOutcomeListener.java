package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_AGENT;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NOTES;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_OUTCOME;
import static org.callbackladder.CallbackProcess.Vars.RESOLUTION;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Call patient" (Task_CallPatient), on complete. Refuses a completion without the required
 * fields (the task stays open) and notes who made the call.
 */
@Component("checkCallOutcome")
public class CheckCallOutcomeListener implements TaskListener {

  private final IdentityService identityService;

  public CheckCallOutcomeListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    AttemptReport.of(
        task.getVariable(ATTEMPT_OUTCOME), task.getVariable(RESOLUTION), task.getVariable(ATTEMPT_NOTES));
    task.setVariable(ATTEMPT_AGENT, agent(task));
  }

  private String agent(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current = identityService.getCurrentAuthentication();
    return current != null && current.getUserId() != null ? current.getUserId() : "unassigned";
  }
}
