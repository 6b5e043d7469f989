package org.callbackladder.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.callbackladder.audit.AuditLog;
import java.util.Optional;
import java.util.UUID;
import org.callbackladder.attempt.CallAttemptRepository;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.schedule.NextAttemptPlanner;
import org.callbackladder.schedule.PracticeCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a request its queue and priority, and its first attempt a due time: the response window,
 * counted in open practice hours from when the request arrived (or from when the clinical team
 * handed it back to scheduling), or from the first moment the patient may be called if that is later.
 */
@Service
public class QueueAssignment {

  private static final Logger log = LoggerFactory.getLogger(QueueAssignment.class);

  private final CallbackRequestRepository requests;
  private final CallAttemptRepository attempts;
  private final PracticeCalendar calendar;
  private final NextAttemptPlanner planner;
  private final AuditLog audit;
  private final Clock clock;

  public QueueAssignment(
      CallbackRequestRepository requests,
      CallAttemptRepository attempts,
      PracticeCalendar calendar,
      NextAttemptPlanner planner,
      AuditLog audit,
      Clock clock) {
    this.requests = requests;
    this.attempts = attempts;
    this.calendar = calendar;
    this.planner = planner;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Assignment assign(UUID callbackRequestId, RoutingDecision decision) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Optional<Instant> earliest = planner.earliestCall(callbackRequestId);
    // the window runs from when the patient may first be called, never before: a patient whose day
    // starts later than the practice's is not "late" before anyone may call them
    Instant since = request.schedulingSince();
    Instant from = earliest.filter(at -> at.isAfter(since)).orElse(since);
    Instant due = calendar.addOpenTime(from, decision.responseWindow());
    request.routed(decision.queue(), decision.priority(), decision.responseWindow(), due);
    log.info("Callback request {} routed to {} (priority {}), first attempt due {}",
        callbackRequestId, decision.queue(), decision.priority(), due);
    String followUp = earliest.map(calendar::timerDate).orElse(null);
    return new Assignment(decision, followUp, calendar.timerDate(due),
        (int) attempts.countByCallbackRequestId(callbackRequestId));
  }

  /**
   * A coordinator reached the patient and routed the request to {@code queue}: the request moves
   * there, and its next call is due a response window after the patient may first be called (or
   * now, so a person sees it, when practice hours and the patient's day do not meet).
   */
  @Transactional
  public Rerouted reroute(UUID callbackRequestId, String queue, Duration responseWindow, String by) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    String from = request.getQueue();
    request.movedTo(queue);
    Instant first = planner.earliestCall(callbackRequestId).orElse(clock.instant());
    Instant due = calendar.addOpenTime(first, responseWindow);
    audit.record(AuditLog.Action.ROUTED_ON_CALL, callbackRequestId, "from " + from + " to " + queue + " by " + by);
    log.info("Callback request {} routed on a call from {} to {} by {}", callbackRequestId, from, queue, by);
    return new Rerouted(calendar.timerDate(first), calendar.timerDate(due));
  }

  /** The moved request's next call: shown from, and due at (timer dates). */
  public record Rerouted(String followUpAt, String dueAt) {}
}
