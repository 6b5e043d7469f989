package org.callbackladder.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.callbackladder.attempt.AttemptService;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.practice.ScheduleProperties;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.schedule.AttemptScheduler.Patient;
import org.callbackladder.schedule.AttemptScheduler.ScheduledAttempt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans a request's attempts from the patient's day, their wishes and what was tried already. */
@Service
public class NextAttemptPlanner {

  private final CallbackRequestRepository requests;
  private final AttemptService attempts;
  private final AttemptScheduler scheduler;
  private final PracticeCalendar calendar;
  private final ScheduleProperties schedule;
  private final ContactTimes contactTimes;
  private final Clock clock;

  public NextAttemptPlanner(
      CallbackRequestRepository requests,
      AttemptService attempts,
      AttemptScheduler scheduler,
      PracticeCalendar calendar,
      ScheduleProperties schedule,
      ContactTimes contactTimes,
      Clock clock) {
    this.requests = requests;
    this.attempts = attempts;
    this.scheduler = scheduler;
    this.calendar = calendar;
    this.schedule = schedule;
    this.contactTimes = contactTimes;
    this.clock = clock;
  }

  /**
   * The first moment the patient may be called, from when the request arrived, kept on the request
   * as its next attempt; empty if none is in reach.
   */
  @Transactional
  public Optional<Instant> earliestCall(UUID callbackRequestId) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Instant from = request.getReceivedAt().isAfter(clock.instant()) ? request.getReceivedAt() : clock.instant();
    boolean notAtWork = contactTimes.notDuringWorkHours(request.getPatientPhone());
    Optional<Instant> earliest = scheduler.earliestCall(from,
        new Patient(request.patientZone(calendar.zone()), List.of(), notAtWork));
    earliest.ifPresent(at -> request.nextAttemptPlanned(at,
        "the first attempt: the earliest time inside practice hours and the patient's calling window"
            + (notAtWork ? ", outside work hours as the patient asked" : "")));
    return earliest;
  }

  /**
   * When attempt {@code attemptNumber} of {@code maxAttempts} is due, and until when it should be
   * worked; empty when practice hours and the patient's window do not meet in the search horizon.
   */
  @Transactional
  public Optional<PlannedAttempt> plan(UUID callbackRequestId, Duration responseWindow, int attemptNumber, int maxAttempts) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Optional<ScheduledAttempt> next = slot(request, attemptNumber, maxAttempts, false);
    next.ifPresent(slot -> request.nextAttemptPlanned(slot.at(), "attempt " + attemptNumber + ", in the patient's "
        + slot.dayPart() + " (" + request.patientZone(calendar.zone()).getId() + "): " + slot.why()));
    return next.map(slot -> planned(slot, responseWindow));
  }

  /** When the patient may still be called today: practice hours within their calling window. */
  @Transactional(readOnly = true)
  public List<Interval> callableToday(UUID callbackRequestId) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    return scheduler.callableToday(clock.instant(), new Patient(request.patientZone(calendar.zone()), List.of(),
        contactTimes.notDuringWorkHours(request.getPatientPhone())));
  }

  /**
   * Where attempt {@code attemptNumber} would fall if the call being made now goes unanswered, for
   * showing on the call sheet; nothing is recorded.
   */
  @Transactional(readOnly = true)
  public Optional<ScheduledAttempt> preview(UUID callbackRequestId, int attemptNumber, int maxAttempts) {
    return slot(requests.getRequired(callbackRequestId), attemptNumber, maxAttempts, true);
  }

  /** The slot for an attempt: another part of the patient's day than those tried, at a time they asked for. */
  private Optional<ScheduledAttempt> slot(CallbackRequest request, int attemptNumber, int maxAttempts, boolean callNow) {
    ZoneId zone = request.patientZone(calendar.zone());
    List<Instant> made = new ArrayList<>(attempts.attemptsOf(request.getId()).stream()
        .map(CallAttempt::getCompletedAt).toList());
    if (callNow) {
      made.add(clock.instant());
    }
    Set<String> tried = made.stream()
        .map(at -> scheduler.dayPartOf(at, zone))
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
    LocalDate laterThan = attemptNumber == maxAttempts && !made.isEmpty() ? calendar.localDate(made.get(made.size() - 1)) : null;
    Patient patient = new Patient(zone, PreferredTimes.parse(request.getPreferredTimes(), schedule.dayParts()),
        contactTimes.notDuringWorkHours(request.getPatientPhone()));
    return scheduler.nextAttempt(clock.instant(), patient, tried, laterThan);
  }

  private static final String CHOSEN = "at the time chosen for it";

  /** Whether the request's next attempt is at a time the patient (or a manager) chose. */
  public static boolean wasChosen(CallbackRequest request) {
    return request.getNextAttemptReason() != null && request.getNextAttemptReason().endsWith(CHOSEN);
  }

  /** Attempt {@code attemptNumber} at a time the patient (or a manager) chose, kept on the request. */
  @Transactional
  public PlannedAttempt atChosenTime(UUID callbackRequestId, Instant at, Duration responseWindow, int attemptNumber) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    request.nextAttemptPlanned(at, "attempt " + attemptNumber + ", " + CHOSEN);
    return new PlannedAttempt(calendar.timerDate(at), calendar.timerDate(calendar.addOpenTime(at, responseWindow)),
        scheduler.dayPartOf(at, request.patientZone(calendar.zone())).orElse(null));
  }

  private PlannedAttempt planned(ScheduledAttempt next, Duration responseWindow) {
    return new PlannedAttempt(
        calendar.timerDate(next.at()), calendar.timerDate(calendar.addOpenTime(next.at(), responseWindow)), next.dayPart());
  }

  /** Timer and due dates as ISO-8601 with the practice's offset. */
  public record PlannedAttempt(String at, String dueAt, String dayPart) {}
}
