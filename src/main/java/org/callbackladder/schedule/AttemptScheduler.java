package org.callbackladder.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callbackladder.schedule.PracticeCalendar.OpenInterval;
import org.springframework.stereotype.Component;

/**
 * Picks when the next attempt is due: at least the minimum gap after the last one, inside practice
 * hours, and in a part of the day not tried yet for this request when there is one in reach.
 */
@Component
public class AttemptScheduler {

  private final PracticeCalendar calendar;
  private final ScheduleProperties schedule;

  public AttemptScheduler(PracticeCalendar calendar, ScheduleProperties schedule) {
    this.calendar = calendar;
    this.schedule = schedule;
  }

  public ScheduledAttempt nextAttempt(Instant lastAttemptAt, Set<String> triedDayParts) {
    List<ScheduledAttempt> slots = slotsFrom(lastAttemptAt.plus(schedule.minimumGap()));
    if (slots.isEmpty()) {
      throw new IllegalStateException(
          "No practice hours within " + schedule.searchDays() + " days to schedule an attempt in");
    }
    return slots.stream()
        .filter(slot -> !triedDayParts.contains(slot.dayPart()))
        .findFirst()
        .orElse(slots.get(0));
  }

  /** The day part an attempt made at this instant falls in, if any. */
  public Optional<String> dayPartOf(Instant instant) {
    LocalTime time = calendar.practiceTime(instant).toLocalTime();
    return schedule.dayParts().stream()
        .filter(part -> part.contains(time))
        .map(ScheduleProperties.DayPart::name)
        .findFirst();
  }

  /** The earliest start in each open day part from {@code earliest} on, in time order. */
  private List<ScheduledAttempt> slotsFrom(Instant earliest) {
    List<ScheduledAttempt> slots = new ArrayList<>();
    LocalDate day = calendar.localDate(earliest);
    for (int i = 0; i < schedule.searchDays(); i++, day = day.plusDays(1)) {
      OpenInterval open = calendar.openingHours(day);
      if (open == null) {
        continue;
      }
      for (ScheduleProperties.DayPart part : schedule.dayParts()) {
        Instant start = latest(earliest, open.start(), calendar.at(day, part.start()));
        Instant end = earliestOf(open.end(), calendar.at(day, part.end()));
        if (start.isBefore(end)) {
          slots.add(new ScheduledAttempt(start, part.name()));
        }
      }
    }
    slots.sort((a, b) -> a.at().compareTo(b.at()));
    return slots;
  }

  private static Instant latest(Instant a, Instant b, Instant c) {
    Instant max = a.isAfter(b) ? a : b;
    return max.isAfter(c) ? max : c;
  }

  private static Instant earliestOf(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  public record ScheduledAttempt(Instant at, String dayPart) {}
}
