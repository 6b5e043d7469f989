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
 * Queues the ladder's privacy-minimal messages to the patient, each only when the contact policy
 * allows it (and otherwise records why not), and answers keyword texts. The outbox is the only way out.
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

  /**
   * The follow-up or final message of an attempt, in the patient's language and by the channel the
   * policy chose, if it allows one; the decision is kept either way.
   */
  @Transactional
  public Optional<OutboxMessage> queue(UUID callbackRequestId, MessageKind kind, int attemptNumber) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    ContactPolicy.Verdict verdict = policy.decide(request);
    OutboxMessage message = null;
    if (verdict.allowed()) {
      String language = request.getPreferredLanguage();
      String channel = verdict.channel();
      message = outbox.save(OutboxMessage.message(callbackRequestId, kind, attemptNumber, channel, request.getPatientPhone(),
          verdict.recipient(), OutboxMessage.SMS.equals(channel) ? null : scripts.emailSubject(language),
          scripts.scriptFor(request.getReason(), language).message(kind, channel), clock.instant(), verdict.sendAfter()));
    }
    decisions.save(new ContactDecision(callbackRequestId, request.getPatientPhone(), kind, attemptNumber, verdict,
        message == null ? null : message.getId(), clock.instant()));
    log.info("Callback request {} attempt {}: {}", callbackRequestId, attemptNumber,
        verdict.allowed() ? verdict.channel() + " message queued" : "no message");
    return Optional.ofNullable(message);
  }

  /** Texts to or about the number not sent yet are not sent: the patient opted out. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelPendingTexts(String phone) {
    List<OutboxMessage> pending = outbox.findPendingTextsFor(phone);
    pending.forEach(OutboxMessage::cancel);
    return pending.size();
  }

  /**
   * A report from the provider on the message it knows by {@code providerId}, found by the token the
   * relay gave it ({@code token}) or by that id; false when no message matches. A text still SENDING
   * (its sending was interrupted) is now known to have left. Delivered, undelivered and failed are
   * recorded as its delivery.
   */
  @Transactional
  public boolean deliveryReported(String token, String providerId, String status, String errorCode) {
    if (providerId == null || status == null) {
      return false;
    }
    Optional<OutboxMessage> found = (token == null ? Optional.<OutboxMessage>empty() : outbox.findBySendToken(token))
        .or(() -> outbox.findByProviderId(providerId));
    found.ifPresent(message -> {
      if (message.getStatus() == OutboxMessage.Status.SENDING) {
        message.left(OutboxMessage.Status.SENT, providerId, clock.instant());
      }
      if (DELIVERY.contains(status)) {
        message.delivery(status, errorCode, clock.instant());
      }
    });
    return found.isPresent();
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
