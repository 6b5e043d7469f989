package org.callbackladder.review;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.callbackladder.practice.PracticeProperties;
import org.springframework.stereotype.Component;

/**
 * When the review processes start, for their timer start events ({@code ${reviewSchedule.daily()}}):
 * the next review time in practice time, as an ISO 8601 cycle. The engine evaluates it again each
 * time the timer fires ({@code reevaluate-time-cycle-when-due}), so every review falls at the same
 * practice time across clock changes. The process itself skips practice holidays.
 */
@Component("reviewSchedule")
public class ReviewSchedule {

  private final ReviewProperties review;
  private final PracticeProperties practice;
  private final Clock clock;

  public ReviewSchedule(ReviewProperties review, PracticeProperties practice, Clock clock) {
    this.review = review;
    this.practice = practice;
    this.clock = clock;
  }

  /** The next Daily callback review, e.g. {@code R/2026-12-01T16:30-05:00/P1D}. */
  public String daily() {
    return cycle(next(review.daily().days(), review.daily().at()));
  }

  /** The next Weekly callback review. */
  public String weekly() {
    return cycle(next(Set.of(review.weekly().day()), review.weekly().at()));
  }

  /** Whether today, in practice time, is not a practice holiday. */
  public boolean practiceOpenToday() {
    return !practice.holidays().isHoliday(today());
  }

  LocalDate today() {
    return clock.instant().atZone(practice.timeZone()).toLocalDate();
  }

  /** The first of those days at that time strictly after now, in practice time. */
  ZonedDateTime next(Set<DayOfWeek> days, LocalTime at) {
    ZoneId zone = practice.timeZone();
    ZonedDateTime now = clock.instant().atZone(zone);
    for (LocalDate day = now.toLocalDate(); ; day = day.plusDays(1)) {
      ZonedDateTime candidate = day.atTime(at).atZone(zone);
      if (days.contains(day.getDayOfWeek()) && candidate.isAfter(now)) {
        return candidate;
      }
    }
  }

  private static String cycle(ZonedDateTime start) {
    return "R/" + start.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
  }
}
