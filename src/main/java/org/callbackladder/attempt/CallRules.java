package org.callbackladder.attempt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.callbackladder.practice.RoutingProperties;
import org.callbackladder.practice.ScheduleProperties;
import org.callbackladder.request.PhoneNumbers;
import org.callbackladder.schedule.NextAttemptPlanner;
import org.callbackladder.schedule.PracticeCalendar;
import org.callbackladder.web.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The practice's rules for what a call settles: which queues a request may be routed to, and when
 * an appointment or a call at the patient's chosen time may be. Dates and times written without an
 * offset (as the form sends them) are practice time.
 */
@Component
public class CallRules {

  private final PracticeCalendar calendar;
  private final RoutingProperties routing;
  private final ScheduleProperties schedule;
  private final NextAttemptPlanner planner;
  private final PhoneNumbers phoneNumbers;
  private final Clock clock;

  public CallRules(PracticeCalendar calendar, RoutingProperties routing, ScheduleProperties schedule, NextAttemptPlanner planner,
      PhoneNumbers phoneNumbers, Clock clock) {
    this.planner = planner;
    this.phoneNumbers = phoneNumbers;
    this.calendar = calendar;
    this.routing = routing;
    this.schedule = schedule;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Whether the patient may be called now: practice hours, their calling window, their wishes. */
  public boolean callableNow(UUID callbackRequestId) {
    Instant now = now();
    return planner.callableToday(callbackRequestId).stream().anyMatch(window -> !now.isBefore(window.start()) && now.isBefore(window.end()));
  }

  public boolean routable(String queue) {
    return routing.routeTo().containsKey(queue);
  }

  public Set<String> routeTargets() {
    return routing.routeTo().keySet();
  }

  /** An optional number the practice can call, as E.164; a problem in words when it is not one. */
  public String phone(String field, Object value, List<FieldProblem> problems) {
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    return phoneNumbers.parse(text).map(PhoneNumbers.Phone::e164).orElseGet(() -> {
      problems.add(new FieldProblem(field, "phone-number", "is not a phone number we can call: enter " + phoneNumbers.howToWrite()));
      return null;
    });
  }

  /** A required date and time: practice time when written without an offset. */
  public Instant dateTime(String field, Object value, List<FieldProblem> problems) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(new FieldProblem(field, "required", "must be given as a date and time, e.g. 2026-12-03T09:30"));
      return null;
    }
    try {
      return text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$"))
          ? OffsetDateTime.parse(text).toInstant()
          : LocalDateTime.parse(text).atZone(calendar.zone()).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "dateTime", "must be a date and time like 2026-12-03T09:30 (practice time)"));
      return null;
    }
  }

  /**
   * A required time for a call someone chose: ahead, within the days the ladder plans, with the
   * practice open; null with a problem when it is not.
   */
  public Instant callBackAt(String field, Object value, List<FieldProblem> problems) {
    Instant at = dateTime(field, value, problems);
    return at != null && checkCallBack(field, at, problems) ? at : null;
  }

  private boolean checkCallBack(String field, Instant at, List<FieldProblem> problems) {
    if (!at.isAfter(now())) {
      problems.add(new FieldProblem(field, "future", "must be a date and time still ahead"));
    } else if (at.isAfter(now().plus(Duration.ofDays(schedule.searchDays())))) {
      problems.add(new FieldProblem(field, "horizon", "must be within " + schedule.searchDays() + " days"));
    } else if (!calendar.isOpen(at)) {
      problems.add(new FieldProblem(field, "practiceHours", "must be in practice hours: the practice is closed then"));
    } else {
      return true;
    }
    return false;
  }
}
