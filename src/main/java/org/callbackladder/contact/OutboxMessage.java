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
 * A message the ladder decided to send, written in the same transaction as that decision. A relay
 * sends each row at most once.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

  public enum Status {
    PENDING,
    SENT,
    /** The default run's relay: kept as if sent, nothing left the machine. */
    RECORDED,
    /** Not sent: the patient opted out before it left. */
    CANCELLED,
    /** The provider refused it for good, or kept refusing it: operations look at these. */
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID callbackRequestId;

  @Enumerated(EnumType.STRING)
  private MessageKind kind;

  private int attemptNumber;
  private String channel;
  private String recipient;
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

  protected OutboxMessage() {}

  static OutboxMessage textMessage(
      UUID callbackRequestId, MessageKind kind, int attemptNumber, String recipient, String body, Instant now,
      Instant sendAfter) {
    OutboxMessage message = new OutboxMessage();
    message.callbackRequestId = callbackRequestId;
    message.kind = kind;
    message.attemptNumber = attemptNumber;
    message.channel = "SMS";
    message.recipient = recipient;
    message.body = body;
    message.status = Status.PENDING;
    message.createdAt = now;
    message.sendAfter = sendAfter;
    return message;
  }

  /** What the sender did with it: sent (with the provider's id) or, in the default run, recorded. */
  void left(Status how, String providerId, Instant at) {
    this.status = how;
    this.providerId = providerId;
    this.sentAt = at;
    this.attempts++;
  }

  /** The provider would not take it: tried again later, or given up after {@code maxAttempts}. */
  void refused(String reason, Instant retryAt, int maxAttempts) {
    attempts++;
    lastError = reason;
    if (retryAt == null || attempts >= maxAttempts) {
      status = Status.FAILED;
    } else {
      sendAfter = retryAt;
    }
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

  /** A follow-up or final text of the ladder, as opposed to the answer to a keyword. */
  boolean isLadderText() {
    return kind == MessageKind.FOLLOW_UP || kind == MessageKind.FINAL;
  }

  /** A reply to a keyword (STOP, START, HELP): it belongs to the number, not to a request. */
  static OutboxMessage reply(String recipient, MessageKind kind, String body, Instant now) {
    // answered at once: a keyword answer is what the patient just asked for
    return textMessage(null, kind, 0, recipient, body, now, now);
  }

  void cancel() {
    if (status == Status.PENDING) {
      status = Status.CANCELLED;
    }
  }

  public Long getId() { return id; }
  public UUID getCallbackRequestId() { return callbackRequestId; }
  public MessageKind getKind() { return kind; }
  public int getAttemptNumber() { return attemptNumber; }
  public String getChannel() { return channel; }
  public String getRecipient() { return recipient; }
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
}
