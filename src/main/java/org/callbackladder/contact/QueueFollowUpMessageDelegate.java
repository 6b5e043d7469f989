package org.callbackladder.contact;

import static org.callbackladder.CallbackProcess.attemptNumber;
import static org.callbackladder.CallbackProcess.requestId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN: "Queue follow-up message" (Task_QueueFollowUpMessage). */
@Component("queueFollowUpMessage")
public class QueueFollowUpMessageDelegate implements JavaDelegate {

  private final MessageOutbox outbox;

  public QueueFollowUpMessageDelegate(MessageOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outbox.queue(requestId(execution), MessageKind.FOLLOW_UP, attemptNumber(execution));
  }
}
