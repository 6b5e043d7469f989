package org.callbackladder.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.callbackladder.practice.PracticeProperties;

/** A practice in New York, open 08:00-18:00 on weekdays, for plain tests. */
public final class TestPractice {

  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  public static PracticeProperties weekdaysEightToSix() {
    return new PracticeProperties(
        "Test Practice",
        "(555) 010-0100",
        NEW_YORK,
        "US",
        new PracticeProperties.Hours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0)));
  }

  /** A New York wall-clock time, e.g. {@code at("2026-12-01T09:00")}. */
  public static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  private TestPractice() {}
}
