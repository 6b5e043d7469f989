package org.callbackladder.routing;

import java.time.Instant;
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

  public QueueAssignment(
      CallbackRequestRepository requests,
      CallAttemptRepository attempts,
      PracticeCalendar calendar,
      NextAttemptPlanner planner) {
    this.requests = requests;
    this.attempts = attempts;
    this.calendar = calendar;
    this.planner = planner;
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
}
