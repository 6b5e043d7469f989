package org.callbackladder.escalation;

import static org.callbackladder.CallbackProcess.requestId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN: "Mark response window missed" (Task_MarkResponseWindowMissed). */
@Component("markResponseWindowMissed")
public class MarkResponseWindowMissedDelegate implements JavaDelegate {

  private final ResponseWindows responseWindows;

  public MarkResponseWindowMissedDelegate(ResponseWindows responseWindows) {
    this.responseWindows = responseWindows;
  }

  @Override
  public void execute(DelegateExecution execution) {
    responseWindows.missed(requestId(execution), execution.getProcessInstanceId());
  }
}
