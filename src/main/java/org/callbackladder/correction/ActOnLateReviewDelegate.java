package org.callbackladder.correction;

import static org.callbackladder.CallbackProcess.Vars.LATE_CALL_AT;
import static org.callbackladder.CallbackProcess.Vars.HAND_TO;
import static org.callbackladder.CallbackProcess.Vars.LATE_DECISION;
import static org.callbackladder.CallbackProcess.requestId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.attempt.CallRules;
import org.callbackladder.request.CallbackRequestRepository;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Act on the manager's decision" (Task_ActOnLateReview), after "Review late first
 * callback", as a job of its own (with the ladder's rights, not the manager's). The open call plans
 * again for details the manager corrected, then is handed over or moved to the chosen time. A closure was recorded with the review; the model then ends the ladder.
 */
@Component("actOnLateReview")
public class ActOnLateReviewDelegate implements JavaDelegate {

  private final LadderReplanning replanning;
  private final CallbackRequestRepository requests;
  private final CallRules rules;
  private final TaskService tasks;

  public ActOnLateReviewDelegate(LadderReplanning replanning, CallbackRequestRepository requests, CallRules rules,
      TaskService tasks) {
    this.replanning = replanning;
    this.requests = requests;
    this.rules = rules;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LateCallbackReviewListener.Decision decision =
        LateCallbackReviewListener.Decision.valueOf((String) execution.getVariable(LATE_DECISION));
    // details the manager corrected: the open call shows from the first moment the patient may be called
    replanning.replan(requests.getRequired(requestId(execution)), true);
    Task call = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).singleResult();
    switch (decision) {
      case HAND_TO -> {
        if (call != null) {
          tasks.setAssignee(call.getId(), (String) execution.getVariable(HAND_TO));
        }
      }
      case CALL_AT -> {
        if (call != null) {
          replanning.showFrom(call, rules.dateTime(LATE_CALL_AT, execution.getVariable(LATE_CALL_AT), new ArrayList<>()),
              Duration.parse((String) execution.getVariable(Vars.RESPONSE_WINDOW)));
        }
      }
      default -> { }
    }
    execution.removeVariables(List.of(HAND_TO, LATE_CALL_AT));
  }
}
