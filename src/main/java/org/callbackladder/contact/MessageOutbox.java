package org.callbackladder.contact;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the ladder's privacy-minimal texts to the patient, each only when the contact policy allows
 * it (and otherwise records why not), and answers keyword texts. The outbox is the only way out.
 */
@Service
public class MessageOutbox {

  private static final Logger log = LoggerFactory.getLogger(MessageOutbox.class);
  /** The statuses a delivery receipt may end in (Twilio's MessageStatus). */
  private static final Set<String> DELIVERY = Set.of("delivered", "undelivered", "failed");

  private final CallbackRequestRepository requests;
  private final OutboxMessageRepository outbox;
  private final ContactDecisionRepository decisions;
  private final ContactPolicy policy;
  private final ScriptCatalog scripts;
  private final Clock clock;

  public MessageOutbox(
      CallbackRequestRepository requests,
      OutboxMessageRepository outbox,
      ContactDecisionRepository decisions,
      ContactPolicy policy,
      ScriptCatalog scripts,
      Clock clock) {
    this.requests = requests;
    this.outbox = outbox;
    this.decisions = decisions;
    this.policy = policy;
    this.scripts = scripts;
    this.clock = clock;
  }

  /** The follow-up or final text of an attempt, if the policy allows it; the decision is kept either way. */
  @Transactional
  public Optional<OutboxMessage> queue(UUID callbackRequestId, MessageKind kind, int attemptNumber) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    ContactPolicy.Verdict verdict = policy.decide(request);
    OutboxMessage message = null;
    if (verdict.allowed()) {
      CallScript script = scripts.scriptFor(request.getReason());
      String body = kind == MessageKind.FOLLOW_UP ? script.followUpText() : script.finalMessage();
      message = outbox.save(
          OutboxMessage.textMessage(callbackRequestId, kind, attemptNumber, request.getPatientPhone(), body, clock.instant(),
              verdict.sendAfter()));
    }
    decisions.save(new ContactDecision(callbackRequestId, request.getPatientPhone(), kind, attemptNumber, verdict,
        message == null ? null : message.getId(), clock.instant()));
    log.info("Callback request {} attempt {}: {}", callbackRequestId, attemptNumber, verdict.allowed() ? "text queued" : "no text");
    return Optional.ofNullable(message);
  }

  /** Texts to the number not sent yet are not sent: the patient opted out. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelPendingTexts(String phone) {
    List<OutboxMessage> pending = outbox.findByRecipientAndChannelAndStatus(phone, "SMS", OutboxMessage.Status.PENDING);
    pending.forEach(OutboxMessage::cancel);
    return pending.size();
  }

  /**
   * A delivery receipt from the provider for the message it knows by {@code providerId}; false when no
   * message has that id. Only the final word counts: delivered, undelivered or failed.
   */
  @Transactional
  public boolean deliveryReported(String providerId, String status, String errorCode) {
    if (providerId == null || status == null || !DELIVERY.contains(status)) {
      return false;
    }
    return outbox.findByProviderId(providerId).map(message -> {
      message.delivery(status, errorCode, clock.instant());
      return true;
    }).orElse(false);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public boolean repliedWithin(String phone, MessageKind kind, Duration within) {
    return outbox.existsByRecipientAndKindAndCreatedAtAfter(phone, kind, clock.instant().minus(within));
  }

  /**
   * The answer to a keyword text, sent whatever the caps (one confirmation is expected); none when the
   * practice left its wording empty (the SMS provider answers instead).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<OutboxMessage> reply(String phone, MessageKind kind) {
    String body = scripts.replyFor(kind);
    return body.isEmpty() ? Optional.empty() : Optional.of(outbox.save(OutboxMessage.reply(phone, kind, body, clock.instant())));
  }
}
