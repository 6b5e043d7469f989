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
 * What the contact policy decided for one text the ladder wanted to send, and why: "text: consent
 * from web form", "no text: opted out 2026-03-02 by STOP", "no text: 3 this week".
 */
@Entity
@Table(name = "contact_decision")
public class ContactDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID callbackRequestId;
  private String phone;

  @Enumerated(EnumType.STRING)
  private MessageKind kind;

  private Integer attemptNumber;
  private boolean allowed;
  private String reason;
  private Long outboxMessageId;
  private Instant decidedAt;

  protected ContactDecision() {}

  ContactDecision(UUID callbackRequestId, String phone, MessageKind kind, Integer attemptNumber, ContactPolicy.Verdict verdict,
      Long outboxMessageId, Instant decidedAt) {
    this.callbackRequestId = callbackRequestId;
    this.phone = phone;
    this.kind = kind;
    this.attemptNumber = attemptNumber;
    this.allowed = verdict.allowed();
    this.reason = verdict.reason();
    this.outboxMessageId = outboxMessageId;
    this.decidedAt = decidedAt;
  }

  public UUID getCallbackRequestId() { return callbackRequestId; }
  public String getPhone() { return phone; }
  public MessageKind getKind() { return kind; }
  public Integer getAttemptNumber() { return attemptNumber; }
  public boolean isAllowed() { return allowed; }
  public String getReason() { return reason; }
  public Long getOutboxMessageId() { return outboxMessageId; }
  public Instant getDecidedAt() { return decidedAt; }
}
