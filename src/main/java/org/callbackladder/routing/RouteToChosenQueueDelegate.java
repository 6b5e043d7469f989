package org.callbackladder.routing;

import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import java.time.Duration;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.routing.QueueAssignment.Rerouted;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Route to the chosen queue" (Task_RouteToChosenQueue). The request moves to the queue the
 * coordinator chose on the call, and the next call task waits there as the next attempt.
 */
@Component("routeToChosenQueue")
public class RouteToChosenQueueDelegate implements JavaDelegate {

  private final QueueAssignment assignment;

  public RouteToChosenQueueDelegate(QueueAssignment assignment) {
    this.assignment = assignment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String queue = (String) execution.getVariable(Vars.ROUTED_TO);
    Rerouted next = assignment.reroute(requestId(execution), queue,
        Duration.parse((String) execution.getVariable(Vars.RESPONSE_WINDOW)), (String) execution.getVariable(Vars.ATTEMPT_AGENT));
    int attempt = attemptNumber(execution) + 1;
    execution.setVariable(Vars.QUEUE, queue);
    execution.setVariable(Vars.ATTEMPT_NUMBER, attempt);
    if (attempt > (Integer) execution.getVariable(Vars.MAX_ATTEMPTS)) {
      execution.setVariable(Vars.MAX_ATTEMPTS, attempt);
    }
    execution.setVariable(Vars.ATTEMPT_FOLLOW_UP_AT, next.followUpAt());
    execution.setVariable(Vars.ATTEMPT_DUE_AT, next.dueAt());
    execution.removeVariable(Vars.ROUTED_TO);
  }
}
