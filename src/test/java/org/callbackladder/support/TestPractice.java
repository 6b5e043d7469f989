package org.callbackladder.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.practice.TimeRange;

/** A practice in New York, open 08:00-18:00 on weekdays, for plain tests. */
public final class TestPractice {

  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  public static PracticeProperties weekdaysEightToSix() {
    return practice(Map.of(), new PracticeProperties.Holidays(List.of(), List.of()));
  }

  /** Open 08:00-18:00 on weekdays unless {@code hours} says otherwise for a day. */
  public static PracticeProperties practice(Map<DayOfWeek, List<TimeRange>> hours, PracticeProperties.Holidays holidays) {
    Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
      week.put(day, List.of(TimeRange.parse("08:00-18:00")));
    }
    week.putAll(hours);
    return new PracticeProperties("Test Practice", "(555) 010-0100", NEW_YORK, "US", week, holidays);
  }

  /** A New York wall-clock time, e.g. {@code at("2026-12-01T09:00")}. */
  public static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  private TestPractice() {}
}
