package org.callbackladder.closure;

import java.time.Clock;
import java.util.UUID;
import org.callbackladder.attempt.AttemptOutcome;
import org.callbackladder.attempt.Resolution;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.request.OpenCallbackRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends a request with its closure reason. */
@Service
public class ClosureService {

  private static final Logger log = LoggerFactory.getLogger(ClosureService.class);

  private final CallbackRequestRepository requests;
  private final OpenCallbackRepository openCallbacks;
  private final AuditLog audit;
  private final Clock clock;

  public ClosureService(
      CallbackRequestRepository requests, OpenCallbackRepository openCallbacks, AuditLog audit, Clock clock) {
    this.requests = requests;
    this.openCallbacks = openCallbacks;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The closure reason the last attempt leads to: what was done when the patient was reached, the
   * outcome itself for a wrong number or a decline, and unreachable for anything else.
   */
  public static ClosureReason reasonFor(AttemptOutcome lastOutcome, Resolution resolution) {
    return switch (lastOutcome) {
      case REACHED -> switch (resolution) {
        case BOOKED -> ClosureReason.BOOKED;
        case RESOLVED -> ClosureReason.RESOLVED;
        case PATIENT_WILL_CALL_BACK -> ClosureReason.PATIENT_WILL_CALL_BACK;
        // routing and a chosen time lead to another call, never to closure; if a table says otherwise, the call was made
        case ROUTED -> ClosureReason.ROUTED;
        case CALL_AT_CHOSEN_TIME -> ClosureReason.RESOLVED;
      };
      case WRONG_NUMBER -> ClosureReason.WRONG_NUMBER;
      case DECLINED -> ClosureReason.DECLINED;
      case NO_ANSWER, VOICEMAIL_LEFT, BUSY, CALL_DROPPED, SPOKE_WITH_SOMEONE_ELSE, DISCONNECTED -> ClosureReason.UNREACHABLE;
      case CLINICAL_CONCERN, EMERGENCY -> ClosureReason.CLINICAL_HANDOFF;
    };
  }

  @Transactional
  public void close(UUID callbackRequestId, ClosureReason reason) {
    requests.getRequired(callbackRequestId).close(reason, clock.instant());
    // the patient's next signal opens a new request
    openCallbacks.release(callbackRequestId);
    audit.record(AuditLog.Action.CLOSED, callbackRequestId, reason.name());
    log.info("Callback request {} closed: {}", callbackRequestId, reason);
  }
}
