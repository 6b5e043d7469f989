package org.callbackladder.screening;

import static org.callbackladder.CallbackProcess.EVENT_EMERGENCY_DURING_REVIEW;
import static org.callbackladder.CallbackProcess.MSG_RED_FLAG_RAISED;

import java.time.Clock;
import java.util.UUID;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.escalation.ClinicalHandOff.RaisedBy;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.RequestStatus;
import org.callbackladder.request.Screening;
import org.callbackladder.request.Screening.Level;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens every text that reaches a request with the red-flag table and keeps the most urgent
 * result on the request. Words that arrive while the ladder runs raise the flag at once: the
 * scheduling ladder stops for any flag, a Clinical review gives way to an Urgent clinical callback
 * for an emergency. An open Urgent clinical callback already has the clinician's attention; its
 * sheet shows the new words.
 */
@Service
public class RedFlags {

  private static final Logger log = LoggerFactory.getLogger(RedFlags.class);

  private final ScreeningTable table;
  private final CallbackRequestRepository requests;
  private final RuntimeService runtime;
  private final AuditLog audit;
  private final Clock clock;

  public RedFlags(
      ScreeningTable table, CallbackRequestRepository requests, RuntimeService runtime, AuditLog audit, Clock clock) {
    this.table = table;
    this.requests = requests;
    this.runtime = runtime;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the table makes of some words, recording nothing (a replayed signal's answer). */
  public Screening screen(String words) {
    return table.screen(words);
  }

  /** The first words of a new request, before its ladder starts (which reads the result). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Screening atIntake(CallbackRequest request, String words) {
    return record(request, table.screen(words));
  }

  /** Words that arrived later: a transcription, a merged message, a return call's note. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Screening laterWords(UUID callbackRequestId, String words) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Screening result = record(request, table.screen(words));
    if (result.flagged() && request.getStatus() != RequestStatus.CLOSED) {
      raise(request, result.level(), RaisedBy.LATER_MESSAGE);
    }
    return result;
  }

  /**
   * A coordinator raised a clinical concern or an emergency during a call: the level is the higher
   * of the coordinator's and the table's reading of the patient's words.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Level raisedInCall(UUID callbackRequestId, boolean emergency, String words) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Screening coordinator = emergency
        ? new Screening(Level.EMERGENCY, "raised by the coordinator", "The coordinator heard a possible emergency and gave the emergency line")
        : new Screening(Level.CLINICAL, "raised by the coordinator", "The coordinator heard a symptom or clinical question");
    Screening read = table.screen(words);
    Screening result = coordinator.level().isAbove(read.level()) ? coordinator : read;
    record(request, result);
    return result.level();
  }

  private Screening record(CallbackRequest request, Screening result) {
    if (result.flagged()) {
      request.flagged(result, clock.instant());
      audit.record(AuditLog.Action.RED_FLAG, request.getId(), result.level() + ": " + result.matchedRule());
      // the level only: a rule's name ("suicidal thoughts or self harm") is patient data
      log.info("Callback request {} screened {}", request.getId(), result.level());
    }
    return result;
  }

  private void raise(CallbackRequest request, Level level, RaisedBy raisedBy) {
    if (request.getProcessInstanceId() == null) {
      return;
    }
    EventSubscription waiting = runtime.createEventSubscriptionQuery()
        .processInstanceId(request.getProcessInstanceId())
        .eventName(MSG_RED_FLAG_RAISED)
        .singleResult();
    if (waiting == null) {
      // an Urgent clinical callback is open (its sheet shows the new words), or the ladder is between steps
      log.warn("Callback request {}: {} words arrived while no step of its ladder can take a red flag",
          request.getId(), level);
      return;
    }
    if (EVENT_EMERGENCY_DURING_REVIEW.equals(waiting.getActivityId()) && level != Level.EMERGENCY) {
      return;
    }
    runtime.createMessageCorrelation(MSG_RED_FLAG_RAISED)
        .processInstanceId(request.getProcessInstanceId())
        .setVariable(Vars.SCREENING, level.name())
        .setVariable(Vars.HAND_OFF_RAISED_BY, raisedBy.name())
        .correlate();
    log.warn("Callback request {}: {} raised while its ladder ran", request.getId(), level);
  }
}
