package org.callbackladder.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.practice.TimeRange;
import org.springframework.stereotype.Component;

/** When the practice is open (hours per weekday, closed on holidays), and how far open time reaches. */
@Component
public class PracticeCalendar {

  private final PracticeProperties practice;

  public PracticeCalendar(PracticeProperties practice) {
    this.practice = practice;
  }

  /** The opening hours of one practice day, in order; none on a closed day or a holiday. */
  public List<Interval> openingHours(LocalDate day) {
    if (practice.holidays().isHoliday(day)) {
      return List.of();
    }
    return practice.hoursOn(day.getDayOfWeek()).stream().map(range -> during(day, range, zone())).toList();
  }

  /** Whether the practice is open at that instant. */
  public boolean isOpen(Instant instant) {
    return openingHours(localDate(instant)).stream().anyMatch(open -> open.contains(instant));
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
      for (Interval open : openingHours(day)) {
        if (!open.end().isAfter(start)) {
          continue;
        }
        Instant from = open.start().isAfter(start) ? open.start() : start;
        Duration available = Duration.between(from, open.end());
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException("The practice has no opening hours within a year");
  }

  /** A local time on a date in a zone, as an instant (a time skipped by a clock change moves on). */
  public static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
    return ZonedDateTime.of(day, time, zone).toInstant();
  }

  /** A range of local time on a date in a zone. */
  public static Interval during(LocalDate day, TimeRange range, ZoneId zone) {
    return new Interval(at(day, range.start(), zone), at(day, range.end(), zone));
  }

  /** An instant as a timer or due date: ISO-8601 with the practice's offset. */
  public String timerDate(Instant instant) {
    return practiceTime(instant).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public LocalDate localDate(Instant instant) {
    return instant.atZone(zone()).toLocalDate();
  }

  public ZonedDateTime practiceTime(Instant instant) {
    return instant.atZone(zone());
  }

  public ZoneId zone() {
    return practice.timeZone();
  }
}
