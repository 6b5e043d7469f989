package org.callbackladder.closure;

import static org.callbackladder.CallbackProcess.attemptNumber;

import org.callbackladder.CallbackProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN: "Allow one more attempt" (Task_AllowOneMoreAttempt), when an exception review chose it. */
@Component("allowOneMoreAttempt")
public class AllowOneMoreAttemptDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Vars.MAX_ATTEMPTS, attemptNumber(execution) + 1);
  }
}
