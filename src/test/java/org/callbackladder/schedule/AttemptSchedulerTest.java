package org.callbackladder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.callbackladder.support.TestPractice.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.schedule.AttemptScheduler.ScheduledAttempt;
import org.callbackladder.schedule.ScheduleProperties.DayPart;
import org.callbackladder.support.TestPractice;
import org.junit.jupiter.api.Test;

class AttemptSchedulerTest {

  static final List<DayPart> DAY_PARTS =
      List.of(
          new DayPart("morning", LocalTime.of(8, 0), LocalTime.of(12, 0)),
          new DayPart("midday", LocalTime.of(12, 0), LocalTime.of(15, 0)),
          new DayPart("late-afternoon", LocalTime.of(15, 0), LocalTime.of(18, 0)),
          new DayPart("evening", LocalTime.of(18, 0), LocalTime.of(20, 0)));

  final PracticeCalendar calendar = new PracticeCalendar(TestPractice.weekdaysEightToSix());
  final AttemptScheduler scheduler =
      new AttemptScheduler(calendar, new ScheduleProperties(Duration.ofHours(3), DAY_PARTS, 14));

  @Test
  void theNextAttemptKeepsTheMinimumGapAndChangesTheTimeOfDay() {
    ScheduledAttempt next = scheduler.nextAttempt(at("2026-12-01T09:00"), Set.of("morning"));

    assertThat(next).isEqualTo(new ScheduledAttempt(at("2026-12-01T12:00"), "midday"));
  }

  @Test
  void aTimeOfDayAlreadyTriedIsSkippedEvenWhenItComesFirst() {
    // 10:00 + 3h = 13:00 (midday), but midday was tried: late afternoon at 15:00
    ScheduledAttempt next =
        scheduler.nextAttempt(at("2026-12-01T10:00"), Set.of("morning", "midday"));

    assertThat(next).isEqualTo(new ScheduledAttempt(at("2026-12-01T15:00"), "late-afternoon"));
  }

  @Test
  void anAttemptLateInTheDayMovesToTheNextPracticeDay() {
    ScheduledAttempt next = scheduler.nextAttempt(at("2026-12-04T16:30"), Set.of("late-afternoon"));

    assertThat(next).isEqualTo(new ScheduledAttempt(at("2026-12-07T08:00"), "morning"));
  }

  @Test
  void whenEveryTimeOfDayWasTriedTheEarliestSlotWins() {
    ScheduledAttempt next =
        scheduler.nextAttempt(
            at("2026-12-01T09:00"), Set.of("morning", "midday", "late-afternoon", "evening"));

    assertThat(next.at()).isEqualTo(at("2026-12-01T12:00"));
  }

  @Test
  void theDayPartOfAnAttemptIsReadInPracticeTime() {
    assertThat(scheduler.dayPartOf(at("2026-12-01T12:30"))).contains("midday");
    assertThat(scheduler.dayPartOf(at("2026-12-01T22:30"))).isEmpty();
  }

  /** A week of attempts at every quarter hour: each next attempt is in hours, after the gap, and varied. */
  @Test
  void everyScheduledAttemptIsInsidePracticeHoursAndAfterTheGap() {
    Instant from = at("2026-11-30T00:00");
    for (int quarter = 0; quarter < 7 * 24 * 4; quarter++) {
      Instant last = from.plus(Duration.ofMinutes(15L * quarter));
      Set<String> tried = new HashSet<>();
      scheduler.dayPartOf(last).ifPresent(tried::add);

      ScheduledAttempt next = scheduler.nextAttempt(last, tried);

      var local = calendar.practiceTime(next.at());
      assertThat(local.getDayOfWeek()).isIn(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
      assertThat(local.toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(17, 59));
      assertThat(Duration.between(last, next.at())).isGreaterThanOrEqualTo(Duration.ofHours(3));
      assertThat(tried).doesNotContain(next.dayPart());
    }
  }

  @Test
  void aPracticeWithNoHoursInReachIsAnError() {
    PracticeCalendar closedOnWeekdays =
        new PracticeCalendar(
            new PracticeProperties(
                "Weekend Practice", "(555) 010-0100", TestPractice.NEW_YORK, "US",
                new PracticeProperties.Hours(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(12, 0))));
    AttemptScheduler scheduler =
        new AttemptScheduler(closedOnWeekdays, new ScheduleProperties(Duration.ofHours(3), DAY_PARTS, 2));

    assertThatThrownBy(() -> scheduler.nextAttempt(at("2026-12-01T09:00"), Set.of()))
        .hasMessageContaining("No practice hours within 2 days");
  }
}
