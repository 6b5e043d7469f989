package org.callbackladder.contact;

import java.time.Clock;
import java.util.UUID;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues the ladder's privacy-minimal messages to the patient. */
@Service
public class MessageOutbox {

  private final CallbackRequestRepository requests;
  private final OutboxMessageRepository outbox;
  private final ScriptCatalog scripts;
  private final Clock clock;

  public MessageOutbox(
      CallbackRequestRepository requests, OutboxMessageRepository outbox, ScriptCatalog scripts, Clock clock) {
    this.requests = requests;
    this.outbox = outbox;
    this.scripts = scripts;
    this.clock = clock;
  }

  @Transactional
  public OutboxMessage queue(UUID callbackRequestId, MessageKind kind, int attemptNumber) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    CallScript script = scripts.scriptFor(request.getReason());
    String body = kind == MessageKind.FOLLOW_UP ? script.followUpText() : script.finalMessage();
    return outbox.save(
        OutboxMessage.textMessage(
            callbackRequestId, kind, attemptNumber, request.getPatientPhone(), body, clock.instant()));
  }
}
