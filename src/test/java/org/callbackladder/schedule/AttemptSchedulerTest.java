package org.callbackladder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callbackladder.support.TestPractice.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.practice.ScheduleProperties.DayPart;
import org.callbackladder.practice.ScheduleProperties;
import org.callbackladder.practice.ScheduleProperties.WorkHours;
import org.callbackladder.practice.TimeRange;
import org.callbackladder.schedule.AttemptScheduler.Patient;
import org.callbackladder.schedule.AttemptScheduler.ScheduledAttempt;
import org.callbackladder.support.TestPractice;
import org.junit.jupiter.api.Test;

/** When attempts may be made: practice hours, the patient's own day, their wishes, and variety. */
class AttemptSchedulerTest {

  static final List<DayPart> DAY_PARTS = List.of(
      new DayPart("morning", LocalTime.of(8, 0), LocalTime.of(12, 0)),
      new DayPart("midday", LocalTime.of(12, 0), LocalTime.of(15, 0)),
      new DayPart("afternoon", LocalTime.of(15, 0), LocalTime.of(18, 0)),
      new DayPart("evening", LocalTime.of(18, 0), LocalTime.of(20, 0)));
  static final ZoneId NEW_YORK = TestPractice.NEW_YORK;
  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
  static final WorkHours WORK_HOURS = new WorkHours(
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), TimeRange.parse("09:00-17:00"));
  static final Patient IN_NEW_YORK = patientIn(NEW_YORK);

  /** A patient who asked nothing about times. */
  static Patient patientIn(ZoneId zone) {
    return new Patient(zone, List.of(), false);
  }

  final PracticeCalendar calendar = new PracticeCalendar(TestPractice.weekdaysEightToSix());
  final AttemptScheduler scheduler = scheduler(calendar);

  static AttemptScheduler scheduler(PracticeCalendar calendar) {
    return new AttemptScheduler(calendar,
        new ScheduleProperties(Duration.ofHours(3), TimeRange.parse("08:00-20:00"), DAY_PARTS, true, 14, WORK_HOURS));
  }

  @Test
  void theNextAttemptKeepsTheMinimumGapAndChangesTheTimeOfDay() {
    assertThat(next(at("2026-12-01T09:00"), IN_NEW_YORK, Set.of("morning"), null))
        .isEqualTo(at("2026-12-01T12:00"));
  }

  @Test
  void aTimeOfDayAlreadyTriedIsSkippedEvenWhenItComesFirst() {
    // 10:00 + 3h = 13:00 (midday), but midday was tried: the afternoon at 15:00
    assertThat(next(at("2026-12-01T10:00"), IN_NEW_YORK, Set.of("morning", "midday"), null))
        .isEqualTo(at("2026-12-01T15:00"));
  }

  @Test
  void anAttemptLateInTheDayMovesToTheNextPracticeDay() {
    assertThat(next(at("2026-12-04T16:30"), IN_NEW_YORK, Set.of("afternoon"), null)).isEqualTo(at("2026-12-07T08:00"));
  }

  @Test
  void whenEveryTimeOfDayWasTriedTheEarliestSlotWins() {
    assertThat(next(at("2026-12-01T09:00"), IN_NEW_YORK, Set.of("morning", "midday", "afternoon", "evening"), null))
        .isEqualTo(at("2026-12-01T12:00"));
  }

  @Test
  void aPatientThreeZonesAwayIsCalledInsideTheirOwnWindow() {
    // 08:00 in Los Angeles is 11:00 in New York: nothing earlier, whatever the practice's hours
    Patient inLosAngeles = patientIn(LOS_ANGELES);
    assertThat(scheduler.earliestCall(at("2026-12-01T07:00"), inLosAngeles)).contains(at("2026-12-01T11:00"));
    assertThat(next(at("2026-12-01T06:00"), inLosAngeles, Set.of(), null)).isEqualTo(at("2026-12-01T11:00"));
    // a call at 11:00 New York was their morning: the next is their midday, 12:00 LA = 15:00 NY
    assertThat(next(at("2026-12-01T11:00"), inLosAngeles, Set.of("morning"), null)).isEqualTo(at("2026-12-01T15:00"));
  }

  @Test
  void preferredTimesWinOverVarietyButNeverOverTheWindows() {
    Patient afternoons = new Patient(NEW_YORK, List.of(TimeRange.parse("15:00-18:00")), false);
    Patient evenings = new Patient(NEW_YORK, List.of(TimeRange.parse("18:00-20:00")), false);

    // the afternoon was tried already, but it is what the patient asked for
    assertThat(next(at("2026-12-01T09:00"), afternoons, Set.of("afternoon"), null)).isEqualTo(at("2026-12-01T15:00"));
    // the practice closes at 18:00: an evening wish cannot be met, so the usual rules apply
    assertThat(next(at("2026-12-01T09:00"), evenings, Set.of("morning"), null)).isEqualTo(at("2026-12-01T12:00"));
  }

  @Test
  void theLastAttemptWaitsForALaterPracticeDay() {
    assertThat(next(at("2026-12-01T09:00"), IN_NEW_YORK, Set.of("morning"), LocalDate.parse("2026-12-01")))
        .isEqualTo(at("2026-12-02T12:00"));
  }

  @Test
  void lunchClosuresAndHolidaysAreSkipped() {
    PracticeProperties practice = TestPractice.practice(
        Map.of(DayOfWeek.TUESDAY, List.of(TimeRange.parse("08:00-12:00"), TimeRange.parse("13:00-18:00"))),
        new PracticeProperties.Holidays(List.of(MonthDay.of(12, 25)), List.of(LocalDate.parse("2026-12-24"))));
    AttemptScheduler withLunch = scheduler(new PracticeCalendar(practice));

    assertThat(withLunch.nextAttempt(at("2026-12-01T09:00"), IN_NEW_YORK, Set.of("morning"), null).map(ScheduledAttempt::at))
        .contains(at("2026-12-01T13:00"));
    // Wednesday 23 December, 16:00: Thursday and Friday are holidays, the weekend is closed
    assertThat(withLunch.nextAttempt(at("2026-12-23T16:00"), IN_NEW_YORK, Set.of(), null).map(ScheduledAttempt::at))
        .contains(at("2026-12-28T08:00"));
  }

  @Test
  void aPatientWhoAskedNotToBeCalledAtWorkIsCalledBeforeOrAfterTheirWorkHours() {
    Patient notAtWork = new Patient(NEW_YORK, List.of(), true);
    // Tuesday 09:30: the practice is open, but the patient works 09:00-17:00
    assertThat(scheduler.earliestCall(at("2026-12-01T09:30"), notAtWork)).contains(at("2026-12-01T17:00"));
    assertThat(scheduler.earliestCall(at("2026-12-01T08:10"), notAtWork)).contains(at("2026-12-01T08:10"));
    // after a call at 08:10 (their morning), three hours on: their afternoon from 17:00
    ScheduledAttempt next = scheduler.nextAttempt(at("2026-12-01T08:10"), notAtWork, Set.of("morning"), null).orElseThrow();
    assertThat(next.at()).isEqualTo(at("2026-12-01T17:00"));
    assertThat(next.why()).contains("outside work hours (09:00-17:00 Mon-Fri), as the patient asked");
    // Los Angeles: 17:00 theirs is 20:00 New York, after the practice closes; only 08:00-09:00 theirs is left
    assertThat(scheduler.earliestCall(at("2026-12-01T12:30"), new Patient(LOS_ANGELES, List.of(), true)))
        .contains(at("2026-12-02T11:00"));
    // a patient who asked nothing is called at once
    assertThat(scheduler.earliestCall(at("2026-12-01T09:30"), IN_NEW_YORK)).contains(at("2026-12-01T09:30"));
  }

  @Test
  void workHoursAreTheirsOnTheirWorkingDaysOnly() {
    PracticeCalendar openSaturdays = new PracticeCalendar(TestPractice.practice(
        Map.of(DayOfWeek.SATURDAY, List.of(TimeRange.parse("09:00-13:00"))), new PracticeProperties.Holidays(List.of(), List.of())));
    // Friday 16:30: after 17:00 the practice is closed; Saturday is not a working day for the patient
    assertThat(scheduler(openSaturdays).earliestCall(at("2026-12-04T16:30"), new Patient(NEW_YORK, List.of(), true)))
        .contains(at("2026-12-04T17:00"));
    assertThat(scheduler(openSaturdays).earliestCall(at("2026-12-04T17:59"), new Patient(NEW_YORK, List.of(), true)))
        .contains(at("2026-12-04T17:59"));
    assertThat(scheduler(openSaturdays).earliestCall(at("2026-12-04T18:30"), new Patient(NEW_YORK, List.of(), true)))
        .contains(at("2026-12-05T09:00"));
  }

  @Test
  void noAttemptWhenThePracticeAndThePatientsDayNeverMeet() {
    // 08:00-20:00 in Tokyo is 18:00-06:00 in New York, after the practice closes
    Patient inTokyo = patientIn(ZoneId.of("Asia/Tokyo"));

    assertThat(scheduler.nextAttempt(at("2026-12-01T09:00"), inTokyo, Set.of(), null)).isEmpty();
    assertThat(scheduler.earliestCall(at("2026-12-01T09:00"), inTokyo)).isEmpty();
  }

  @Test
  void aPatientWithoutDaylightSavingTimeMovesAgainstThePracticeAcrossTheYear() {
    // Phoenix stays on standard time: its 08:00 is 10:00 in New York in winter, 11:00 in summer
    assertThat(scheduler.earliestCall(at("2026-01-12T07:00"), patientIn(PHOENIX))).contains(at("2026-01-12T10:00"));
    assertThat(scheduler.earliestCall(at("2026-07-13T07:00"), patientIn(PHOENIX))).contains(at("2026-07-13T11:00"));
  }

  /**
   * Every hour of 2026, both clock changes included, for patients in four zones: a request arriving
   * then gets its first call no earlier, and each next attempt is inside practice hours (not on a
   * holiday) and the patient's window, at least the gap after the last, in another part of their day.
   */
  @Test
  void everyScheduledAttemptOfAYearKeepsEveryRule() {
    PracticeProperties practice = TestPractice.practice(
        Map.of(DayOfWeek.WEDNESDAY, List.of(TimeRange.parse("08:00-12:30"), TimeRange.parse("13:30-18:00"))),
        new PracticeProperties.Holidays(List.of(MonthDay.of(1, 1), MonthDay.of(7, 4), MonthDay.of(12, 25)),
            List.of(LocalDate.parse("2026-11-26"))));
    PracticeCalendar year = new PracticeCalendar(practice);
    AttemptScheduler scheduler = scheduler(year);
    int checked = 0;
    for (ZoneId zone : List.of(NEW_YORK, CHICAGO, LOS_ANGELES, PHOENIX)) {
      for (Instant last = at("2026-01-01T00:00"); last.isBefore(at("2027-01-01T00:00")); last = last.plus(Duration.ofHours(1))) {
        Instant first = scheduler.earliestCall(last, patientIn(zone)).orElseThrow();
        assertThat(first).isAfterOrEqualTo(last);
        assertThat(year.openingHours(year.localDate(first)).stream().anyMatch(open -> open.contains(first))).isTrue();
        assertThat(first.atZone(zone).toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(19, 59, 59));

        Set<String> tried = new HashSet<>();
        scheduler.dayPartOf(last, zone).ifPresent(tried::add);

        Optional<ScheduledAttempt> next = scheduler.nextAttempt(last, patientIn(zone), tried, null);

        assertThat(next).as("an attempt after %s for %s", last, zone).isPresent();
        Instant at = next.get().at();
        ZonedDateTime practiceTime = at.atZone(NEW_YORK);
        LocalTime patientTime = at.atZone(zone).toLocalTime();
        assertThat(year.openingHours(practiceTime.toLocalDate()).stream().anyMatch(open -> open.contains(at)))
            .as("%s inside practice hours", practiceTime).isTrue();
        assertThat(patientTime).as("%s in %s inside the calling window", patientTime, zone)
            .isBetween(LocalTime.of(8, 0), LocalTime.of(19, 59, 59));
        assertThat(Duration.between(last, at)).isGreaterThanOrEqualTo(Duration.ofHours(3));
        assertThat(tried).as("another part of the day after %s", last).doesNotContain(next.get().dayPart());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(4 * 365 * 24);
  }

  private Instant next(Instant last, Patient patient, Set<String> tried, LocalDate laterThan) {
    return scheduler.nextAttempt(last, patient, tried, laterThan).orElseThrow().at();
  }
}
