package org.callbackladder.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.callbackladder.practice.PracticeProperties;
import org.springframework.stereotype.Component;

/** When the practice is open, and how far a span of open time reaches. */
@Component
public class PracticeCalendar {

  private final PracticeProperties practice;

  public PracticeCalendar(PracticeProperties practice) {
    this.practice = practice;
  }

  /** Opening hours of one practice day, or null when the practice is closed that day. */
  public OpenInterval openingHours(LocalDate day) {
    PracticeProperties.Hours hours = practice.hours();
    if (!hours.isOpenOn(day.getDayOfWeek())) {
      return null;
    }
    return new OpenInterval(at(day, hours.opensAt()), at(day, hours.closesAt()));
  }

  /** A practice-local time on a practice day, as an instant. */
  public Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(practice.timeZone()).toInstant();
  }

  /**
   * The instant reached after {@code openTime} of practice opening hours from {@code start}: a
   * two-hour window that starts at 17:30 on a Friday, with the practice open 08:00-18:00 on
   * weekdays, ends at 09:30 on Monday.
   */
  public Instant addOpenTime(Instant start, Duration openTime) {
    Duration left = openTime;
    LocalDate day = localDate(start);
    for (int i = 0; i < 366; i++, day = day.plusDays(1)) {
      OpenInterval open = openingHours(day);
      if (open == null || !open.end().isAfter(start)) {
        continue;
      }
      Instant from = open.start().isAfter(start) ? open.start() : start;
      Duration available = Duration.between(from, open.end());
      if (available.compareTo(left) >= 0) {
        return from.plus(left);
      }
      left = left.minus(available);
    }
    throw new IllegalStateException("The practice has no opening hours within a year");
  }

  /** An instant as a timer or due date: ISO-8601 with the practice's offset. */
  public String timerDate(Instant instant) {
    return practiceTime(instant).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public LocalDate localDate(Instant instant) {
    return instant.atZone(practice.timeZone()).toLocalDate();
  }

  public ZonedDateTime practiceTime(Instant instant) {
    return instant.atZone(practice.timeZone());
  }

  public record OpenInterval(Instant start, Instant end) {}
}
