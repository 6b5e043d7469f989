package org.callbackladder.closure;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.callbackladder.request.ClosureReason;

/** What an exception review decided for a request that must not close silently as unreachable. */
@Entity
@Table(name = "exception_decision")
public class ExceptionDecision {

  /** The choices of an exception review. */
  public enum Choice {
    /** Tell the referring office the patient could not be reached (the detail says who and how). */
    NOTIFY_REFERRING_OFFICE,
    /** Send a letter or a portal message instead of another call (the detail says which). */
    LETTER_OR_PORTAL_MESSAGE,
    /** Call once more, at a new time. */
    ONE_MORE_ATTEMPT,
    /** Close with a reason and a note. */
    CLOSE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID callbackRequestId;

  @Enumerated(EnumType.STRING)
  private Choice decision;

  private String detail;

  @Enumerated(EnumType.STRING)
  private ClosureReason closureReason;

  private String decidedBy;
  private Instant decidedAt;

  protected ExceptionDecision() {}

  ExceptionDecision(UUID callbackRequestId, ExceptionReviewAnswer answer, String decidedBy, Instant decidedAt) {
    this.callbackRequestId = callbackRequestId;
    this.decision = answer.choice();
    this.detail = answer.detail();
    this.closureReason = answer.closureReason();
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public Long getId() { return id; }
  public UUID getCallbackRequestId() { return callbackRequestId; }
  public Choice getDecision() { return decision; }
  public String getDetail() { return detail; }
  public ClosureReason getClosureReason() { return closureReason; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
}
