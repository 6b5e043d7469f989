package org.callbackladder.contact;

import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN: "Queue final message" (Task_QueueFinalMessage). */
@Component("queueFinalMessage")
public class QueueFinalMessageDelegate implements JavaDelegate {

  private final MessageOutbox outbox;

  public QueueFinalMessageDelegate(MessageOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outbox.queue(requestId(execution), MessageKind.FINAL, attemptNumber(execution));
  }
}
