package org.callbackladder.closure;

import static org.callbackladder.CallbackProcess.CallSheet.EXCEPTION_REASON;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.attempt.CallSheets;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.Screening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral-sensitive and clinically flagged requests never close silently as unreachable: a person
 * reviews them with the attempts so far and decides, and the decision is kept.
 */
@Service
public class ExceptionReviews {

  private static final Logger log = LoggerFactory.getLogger(ExceptionReviews.class);

  private final CallbackRequestRepository requests;
  private final ExceptionDecisionRepository decisions;
  private final CallSheets callSheets;
  private final AuditLog audit;
  private final Clock clock;

  public ExceptionReviews(
      CallbackRequestRepository requests,
      ExceptionDecisionRepository decisions,
      CallSheets callSheets,
      AuditLog audit,
      Clock clock) {
    this.requests = requests;
    this.decisions = decisions;
    this.callSheets = callSheets;
    this.audit = audit;
    this.clock = clock;
  }

  /** The review opens: the request shows as escalated, and the reviewer gets its sheet. */
  @Transactional
  public Map<String, Object> opened(UUID callbackRequestId) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    request.escalated();
    Map<String, Object> sheet = callSheets.basics(callbackRequestId);
    sheet.put(EXCEPTION_REASON, why(request));
    log.info("Callback request {} needs an exception review", callbackRequestId);
    return sheet;
  }

  @Transactional
  public void decided(UUID callbackRequestId, ExceptionReviewAnswer answer, String by) {
    decisions.save(new ExceptionDecision(callbackRequestId, answer, by, clock.instant()));
    requests.getRequired(callbackRequestId).escalationEnded();
    audit.record(AuditLog.Action.EXCEPTION_DECIDED, callbackRequestId, answer.choice().name());
    log.info("Callback request {}: exception review decided {}", callbackRequestId, answer.choice());
  }

  private static String why(CallbackRequest request) {
    boolean flagged = request.getScreening() != Screening.Level.NONE;
    String sensitive = request.isReferral() && flagged ? "This is a referral, and it was clinically flagged (the clinical team"
        + " has seen it)"
        : request.isReferral() ? "This is a referral" : "This request was clinically flagged (the clinical team has seen it)";
    return sensitive + " and the ladder has no way left to reach the patient. It may not close as unreachable"
        + " without a decision: notify the referring office, send a letter or portal message, try once more,"
        + " or close it with a reason and a note.";
  }
}
