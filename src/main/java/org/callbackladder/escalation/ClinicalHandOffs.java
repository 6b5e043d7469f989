package org.callbackladder.escalation;

import static org.callbackladder.CallbackProcess.TASK_CLINICAL_REVIEW;
import static org.callbackladder.CallbackProcess.TASK_UNACCEPTED_CLINICAL_HAND_OFF;
import static org.callbackladder.CallbackProcess.TASK_URGENT_CLINICAL_CALLBACK;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.escalation.ClinicalHandOff.Kind;
import org.callbackladder.escalation.ClinicalHandOff.Outcome;
import org.callbackladder.escalation.ClinicalHandOff.RaisedBy;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.Screening.Level;
import org.callbackladder.schedule.PracticeCalendar;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-offs to the clinical team: raised with a window (real minutes for a possible emergency,
 * open practice hours for a clinical question), claimed, decided, and escalated while nobody takes
 * them. Every step is kept in {@code clinical_handoff} and on the audit trail.
 */
@Service
public class ClinicalHandOffs {

  private static final Logger log = LoggerFactory.getLogger(ClinicalHandOffs.class);

  /** What a hand-off's window timer does when it fires. */
  public enum Escalation {
    /** Nobody has claimed the clinical task and no manager has been told yet: tell one. */
    TELL_MANAGER,
    /** Still unclaimed, and the managers' task about it is still open: counted, nothing new. */
    MANAGER_ALREADY_TOLD,
    /** A clinician has it. */
    TAKEN
  }

  /** A raised hand-off: its row, when it is due, and the timer cycle that escalates it from then on to whom. */
  public record Plan(long handOffId, Instant dueAt, String escalationCycle, String escalationGroup) {}

  private final ClinicalHandOffRepository handOffs;
  private final CallbackRequestRepository requests;
  private final ClinicalProperties clinical;
  private final PracticeCalendar calendar;
  private final TaskService tasks;
  private final AuditLog audit;
  private final Clock clock;

  public ClinicalHandOffs(
      ClinicalHandOffRepository handOffs,
      CallbackRequestRepository requests,
      ClinicalProperties clinical,
      PracticeCalendar calendar,
      TaskService tasks,
      AuditLog audit,
      Clock clock) {
    this.handOffs = handOffs;
    this.requests = requests;
    this.clinical = clinical;
    this.calendar = calendar;
    this.tasks = tasks;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Raises a hand-off for the request's screening level. A hand-off still open (a Clinical review
   * when an emergency is reported) is superseded by the new one.
   */
  @Transactional
  public Plan raise(UUID callbackRequestId, Level level, RaisedBy raisedBy) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Instant now = clock.instant();
    for (ClinicalHandOff open : handOffs.findByCallbackRequestIdAndCompletedAtIsNull(callbackRequestId)) {
      open.done(Outcome.SUPERSEDED, null, "system", now);
    }
    Kind kind = level == Level.EMERGENCY ? Kind.URGENT_CALLBACK : Kind.CLINICAL_REVIEW;
    Instant due = kind == Kind.URGENT_CALLBACK
        ? now.plus(clinical.urgentWindow())
        : calendar.addOpenTime(now, clinical.reviewWindow());
    ClinicalHandOff handOff =
        handOffs.save(ClinicalHandOff.raised(callbackRequestId, kind, raisedBy, request.getScreeningRule(), now, due));
    request.escalated();
    audit.record(AuditLog.Action.CLINICAL_HANDOFF, callbackRequestId, kind + " raised by " + raisedBy);
    log.info("Callback request {}: {} raised by {}, due {}", callbackRequestId, kind, raisedBy, due);
    String cycle = "R/" + calendar.timerDate(due) + "/" + clinical.escalationInterval();
    return new Plan(handOff.getId(), due, cycle, clinical.escalationGroup());
  }

  @Transactional
  public void claimed(long handOffId, String by) {
    ClinicalHandOff handOff = handOffs.getRequired(handOffId);
    if (!handOff.isClaimed()) {
      handOff.claimed(by, clock.instant());
      audit.record(AuditLog.Action.HANDOFF_CLAIMED, handOff.getCallbackRequestId(), handOff.getKind() + " by " + by);
    }
  }

  /** The clinician's decision; continuing hands the request back to scheduling with the note. */
  @Transactional
  public void decided(long handOffId, ClinicalDecision decision, String by) {
    ClinicalHandOff handOff = handOffs.getRequired(handOffId);
    Instant now = clock.instant();
    handOff.claimed(by, now);
    handOff.done(decision.outcome(), decision.note(), by, now);
    CallbackRequest request = requests.getRequired(handOff.getCallbackRequestId());
    if (decision.outcome() == Outcome.CONTINUE_SCHEDULING) {
      request.schedulingResumed(decision.note(), now);
    }
    audit.record(AuditLog.Action.HANDOFF_DONE, request.getId(), handOff.getKind() + ": " + decision.outcome());
    log.info("Callback request {}: {} done by {}: {}", request.getId(), handOff.getKind(), by, decision.outcome());
  }

  /**
   * The hand-off's window has passed (again). Counted while its clinical task is unclaimed, or while
   * an urgent callback claimed longer ago than its window is still not done; a manager is told
   * unless the managers' task about this hand-off is still open.
   */
  @Transactional
  public Escalation windowPassed(long handOffId, String processInstanceId) {
    ClinicalHandOff handOff = handOffs.getRequired(handOffId);
    boolean unclaimed = tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(TASK_URGENT_CLINICAL_CALLBACK, TASK_CLINICAL_REVIEW).taskUnassigned().count() > 0;
    if (!unclaimed && !claimedButStalled(handOff)) {
      return Escalation.TAKEN;
    }
    handOff.escalated(clock.instant());
    audit.record(AuditLog.Action.HANDOFF_UNCLAIMED, handOff.getCallbackRequestId(),
        handOff.getKind() + " unclaimed, escalation " + handOff.getEscalations());
    log.warn("Callback request {}: {} still unclaimed after its window (escalation {})",
        handOff.getCallbackRequestId(), handOff.getKind(), handOff.getEscalations());
    boolean told = tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(TASK_UNACCEPTED_CLINICAL_HAND_OFF).taskVariableValueEquals(Vars.HAND_OFF_ID, handOffId).count() > 0;
    return told ? Escalation.MANAGER_ALREADY_TOLD : Escalation.TELL_MANAGER;
  }

  /** An urgent callback claimed longer ago than its whole window and still not done counts as not taken. */
  private boolean claimedButStalled(ClinicalHandOff handOff) {
    return handOff.getKind() == Kind.URGENT_CALLBACK && handOff.getClaimedAt() != null
        && !handOff.getClaimedAt().plus(clinical.urgentWindow()).isAfter(clock.instant());
  }

  /** What the manager did about an unaccepted hand-off. */
  @Transactional
  public void managerActed(long handOffId, String action, String note) {
    ClinicalHandOff handOff = handOffs.getRequired(handOffId);
    handOff.managerActed(action, note);
    audit.record(AuditLog.Action.HANDOFF_UNCLAIMED, handOff.getCallbackRequestId(), "manager: " + action);
  }

  @Transactional(readOnly = true)
  public List<ClinicalHandOff> timeline(UUID callbackRequestId) {
    return handOffs.findByCallbackRequestIdOrderByCreatedAtAscIdAsc(callbackRequestId);
  }
}
