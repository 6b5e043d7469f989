package org.callbackladder.contact;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A message the ladder decided to send, by text, email or the patient portal, written in the same
 * transaction as that decision. A relay sends each row at most once: it marks the row SENDING before
 * it calls the provider, and a row found SENDING later (the application stopped in between) is looked
 * up at the provider before anything is sent again (Twilio: the number's messages, matched by words
 * and time, or a receipt carrying the row's token; the portal: the row's token as idempotency key).
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

  public enum Status {
    PENDING,
    /** Handed to the provider; the answer is not recorded yet. */
    SENDING,
    SENT,
    /** The default run's relay: kept as if sent, nothing left the machine. */
    RECORDED,
    /** Not sent, for the reason kept with it: consent withdrawn, the patient changed where messages go, the caps. */
    CANCELLED,
    /** The provider refused it for good, kept refusing it, or cannot say whether it left: operations look at these. */
    FAILED
  }

  /** The ways a message leaves. */
  public static final String SMS = "SMS";
  public static final String EMAIL = "EMAIL";
  public static final String PORTAL = "PORTAL";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID callbackRequestId;

  @Enumerated(EnumType.STRING)
  private MessageKind kind;

  private int attemptNumber;
  private String channel;
  /** The patient's number the message is about (caps count it), whichever number or address it goes to. */
  private String patientPhone;
  private String recipient;
  private String subject;
  private String body;

  @Enumerated(EnumType.STRING)
  private Status status;

  private Instant createdAt;
  private Instant sendAfter;
  private Instant sentAt;
  private String providerId;
  private int attempts;
  private String lastError;
  private String deliveryStatus;
  private Instant deliveryReportedAt;
  /** Carried to the provider (status callback, email header, idempotency key) to find this row again. */
  private String sendToken;
  private Instant claimedAt;

  protected OutboxMessage() {}

  static OutboxMessage message(
      UUID callbackRequestId, MessageKind kind, int attemptNumber, String channel, String patientPhone, String recipient,
      String subject, String body, Instant now, Instant sendAfter) {
    OutboxMessage message = new OutboxMessage();
    message.callbackRequestId = callbackRequestId;
    message.kind = kind;
    message.attemptNumber = attemptNumber;
    message.channel = channel;
    message.patientPhone = patientPhone;
    message.recipient = recipient;
    message.subject = subject;
    message.sendToken = UUID.randomUUID().toString();
    message.body = body;
    message.status = Status.PENDING;
    message.createdAt = now;
    message.sendAfter = sendAfter;
    return message;
  }

  /** Taken by a relay, which calls the provider next: committed before that call. */
  void claim(Instant at) {
    status = Status.SENDING;
    claimedAt = at;
    attempts++;
    if (sendToken == null) {
      sendToken = UUID.randomUUID().toString();
    }
  }

  /** What the sender did with it: sent (with the provider's id) or, in the default run, recorded. */
  void left(Status how, String providerId, Instant at) {
    this.status = how;
    this.providerId = providerId;
    this.sentAt = at;
  }

  /** The provider would not take it: tried again later, or given up after {@code maxAttempts}. */
  void refused(String reason, Instant retryAt, int maxAttempts) {
    lastError = reason;
    if (retryAt == null || attempts >= maxAttempts) {
      status = Status.FAILED;
    } else {
      status = Status.PENDING;
      sendAfter = retryAt;
    }
  }

  /** The provider did not answer: it may have the message, so it is looked up after the relay's lease. */
  void unanswered(String reason) {
    lastError = reason;
  }

  /**
   * Sending was interrupted and the provider could not be asked whether it has the message: asked
   * again at {@code askAgainAt}, or (null) failed, for a person to check at the provider first.
   */
  void providerNotAsked(String reason, Instant askAgainAt) {
    if (askAgainAt == null) {
      status = Status.FAILED;
      lastError = "interrupted while sending, and the provider could not be asked whether it left (" + reason
          + "): check before retrying";
    } else {
      sendAfter = askAgainAt;
      lastError = "interrupted while sending; the provider could not be asked yet: " + reason;
    }
  }

  /**
   * Sending was interrupted and the provider cannot be asked whether it left (email): failed, for a
   * person to check and retry, rather than sent twice.
   */
  void interrupted() {
    status = Status.FAILED;
    lastError = "interrupted while sending; it may have left: check before retrying";
  }

  /** Operations send a failed message again after fixing the cause: it is due now and gets its tries afresh. */
  void retry(String by, Instant at) {
    status = Status.PENDING;
    sendAfter = at;
    attempts = 0;
    claimedAt = null;
    lastError = "retried by " + by + " after: " + lastError;
  }

  /** Not to leave before {@code at} (the patient's window): waits in the outbox, or waits again after an interruption. */
  void postpone(Instant at) {
    status = Status.PENDING;
    sendAfter = at;
  }

  /** Not sent, with the reason. */
  void cancel(String reason) {
    lastError = reason;
    cancel();
  }

  /** The provider's later word on it (delivered, undelivered, failed), with its error code when there is one. */
  void delivery(String status, String errorCode, Instant at) {
    deliveryStatus = status;
    deliveryReportedAt = at;
    if (errorCode != null && !errorCode.isBlank()) {
      lastError = "delivery error " + errorCode;
    }
  }

  /** A follow-up or final message of the ladder, as opposed to the answer to a keyword. */
  boolean isLadderMessage() {
    return kind == MessageKind.FOLLOW_UP || kind == MessageKind.FINAL;
  }

  /** A reply to a keyword (STOP, START, HELP): it belongs to the number, not to a request. */
  static OutboxMessage reply(String recipient, MessageKind kind, String body, Instant now) {
    // answered at once: a keyword answer is what the patient just asked for
    return message(null, kind, 0, SMS, recipient, recipient, null, body, now, now);
  }

  void cancel() {
    if (status == Status.PENDING || status == Status.SENDING) {
      status = Status.CANCELLED;
    }
  }

  public Long getId() { return id; }
  public UUID getCallbackRequestId() { return callbackRequestId; }
  public MessageKind getKind() { return kind; }
  public int getAttemptNumber() { return attemptNumber; }
  public String getChannel() { return channel; }
  public String getPatientPhone() { return patientPhone; }
  public String getRecipient() { return recipient; }
  public String getSubject() { return subject; }
  public String getBody() { return body; }
  public Status getStatus() { return status; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getSentAt() { return sentAt; }
  public Instant getSendAfter() { return sendAfter; }
  public String getProviderId() { return providerId; }
  public int getAttempts() { return attempts; }
  public String getLastError() { return lastError; }
  public String getDeliveryStatus() { return deliveryStatus; }
  public Instant getDeliveryReportedAt() { return deliveryReportedAt; }
  public String getSendToken() { return sendToken; }
  public Instant getClaimedAt() { return claimedAt; }
}
