package org.callbackladder.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One audited action. Immutable: written once, never changed or removed by the application. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant occurredAt;
  private String actor;
  private String action;
  private UUID callbackRequestId;
  private String detail;
  private String source;

  protected AuditEvent() {}

  AuditEvent(Instant occurredAt, String actor, String action, UUID callbackRequestId, String detail, String source) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.callbackRequestId = callbackRequestId;
    this.detail = detail;
    this.source = source;
  }

  public Long getId() { return id; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getAction() { return action; }
  public UUID getCallbackRequestId() { return callbackRequestId; }
  public String getDetail() { return detail; }
  public String getSource() { return source; }
}
