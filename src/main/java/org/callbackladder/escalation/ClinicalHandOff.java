package org.callbackladder.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One clinical task (Urgent clinical callback or Clinical review) and its times: when it was raised
 * and due, who took it when, what the clinician decided, and how often it escalated unclaimed.
 */
@Entity
@Table(name = "clinical_handoff")
public class ClinicalHandOff {

  public enum Kind { URGENT_CALLBACK, CLINICAL_REVIEW }

  /** Where the hand-off came from. */
  public enum RaisedBy { INTAKE, LATER_MESSAGE, CALL }

  public enum Outcome {
    /** The clinical team dealt with it; the request closes as CLINICAL_HANDOFF. */
    HANDLED,
    /** Back to the scheduling ladder, with a note to the coordinators. */
    CONTINUE_SCHEDULING,
    /** A Clinical review replaced by an Urgent clinical callback when an emergency was reported. */
    SUPERSEDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID callbackRequestId;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  private RaisedBy raisedBy;

  private String screeningRule;
  private Instant createdAt;
  private Instant dueAt;
  private Instant claimedAt;
  private String claimedBy;
  /** From the hand-off to the clinical team taking it, for the reports. */
  private Integer acceptedAfterSeconds;
  private Instant completedAt;
  private String completedBy;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private String note;
  private int escalations;
  private Instant lastEscalatedAt;
  private String managerAction;
  private String managerNote;

  protected ClinicalHandOff() {}

  static ClinicalHandOff raised(
      UUID callbackRequestId, Kind kind, RaisedBy raisedBy, String screeningRule, Instant at, Instant dueAt) {
    ClinicalHandOff handOff = new ClinicalHandOff();
    handOff.callbackRequestId = callbackRequestId;
    handOff.kind = kind;
    handOff.raisedBy = raisedBy;
    handOff.screeningRule = screeningRule;
    handOff.createdAt = at;
    handOff.dueAt = dueAt;
    return handOff;
  }

  /** The first claim counts: that is when a clinician accepted the hand-off. */
  void claimed(String by, Instant at) {
    if (claimedAt == null) {
      claimedAt = at;
      claimedBy = by;
      acceptedAfterSeconds = (int) Math.max(0, Duration.between(createdAt, at).getSeconds());
    }
  }

  void done(Outcome outcome, String note, String by, Instant at) {
    this.outcome = outcome;
    this.note = note;
    this.completedBy = by;
    this.completedAt = at;
  }

  void escalated(Instant at) {
    escalations++;
    lastEscalatedAt = at;
  }

  void managerActed(String action, String note) {
    managerAction = action;
    managerNote = note;
  }

  public boolean isClaimed() { return claimedAt != null; }
  public Long getId() { return id; }
  public UUID getCallbackRequestId() { return callbackRequestId; }
  public Kind getKind() { return kind; }
  public RaisedBy getRaisedBy() { return raisedBy; }
  public String getScreeningRule() { return screeningRule; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getDueAt() { return dueAt; }
  public Instant getClaimedAt() { return claimedAt; }
  public String getClaimedBy() { return claimedBy; }
  public Instant getCompletedAt() { return completedAt; }
  public String getCompletedBy() { return completedBy; }
  public Outcome getOutcome() { return outcome; }
  public String getNote() { return note; }
  public int getEscalations() { return escalations; }
  public String getManagerAction() { return managerAction; }
  public String getManagerNote() { return managerNote; }
}
