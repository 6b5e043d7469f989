package org.callbackladder.support;

import java.util.List;
import java.util.UUID;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.attempt.CallAttemptRepository;
import org.callbackladder.contact.OutboxMessage;
import org.callbackladder.contact.OutboxMessageRepository;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** What a ladder left in the project's tables, found by the ladder (its business key is the request's id). */
@Component
public class LadderRecords {

  private final CallbackRequestRepository requests;
  private final CallAttemptRepository attempts;
  private final OutboxMessageRepository outbox;

  LadderRecords(CallbackRequestRepository requests, CallAttemptRepository attempts, OutboxMessageRepository outbox) {
    this.requests = requests;
    this.attempts = attempts;
    this.outbox = outbox;
  }

  public CallbackRequest request(ProcessInstance ladder) {
    return requests.findById(idOf(ladder)).orElseThrow();
  }

  public List<CallAttempt> attempts(ProcessInstance ladder) {
    return attempts.findByCallbackRequestIdOrderByAttemptNumber(idOf(ladder));
  }

  public List<OutboxMessage> messages(ProcessInstance ladder) {
    return outbox.findByCallbackRequestIdOrderById(idOf(ladder));
  }

  private static UUID idOf(ProcessInstance ladder) {
    return UUID.fromString(ladder.getBusinessKey());
  }
}
