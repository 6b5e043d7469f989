package org.callbackladder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callbackladder.support.TestPractice.at;

import java.time.Duration;
import org.callbackladder.support.TestPractice;
import org.junit.jupiter.api.Test;

class PracticeCalendarTest {

  final PracticeCalendar calendar = new PracticeCalendar(TestPractice.weekdaysEightToSix());

  @Test
  void aWindowInsideOneDayEndsTheSameDay() {
    assertThat(calendar.addOpenTime(at("2026-12-01T09:15"), Duration.ofHours(2))).isEqualTo(at("2026-12-01T11:15"));
  }

  @Test
  void aWindowStartingAtNightStartsCountingWhenThePracticeOpens() {
    assertThat(calendar.addOpenTime(at("2026-12-01T22:40"), Duration.ofHours(2))).isEqualTo(at("2026-12-02T10:00"));
  }

  @Test
  void aWindowRunsOverTheWeekend() {
    // Friday 17:30 + 2 open hours = 30 minutes on Friday, 90 on Monday
    assertThat(calendar.addOpenTime(at("2026-12-04T17:30"), Duration.ofHours(2))).isEqualTo(at("2026-12-07T09:30"));
  }

  @Test
  void aWindowLongerThanADaySpansSeveralDays() {
    assertThat(calendar.addOpenTime(at("2026-12-01T08:00"), Duration.ofHours(25))).isEqualTo(at("2026-12-03T13:00"));
  }

  @Test
  void timerDatesCarryThePracticesOffset() {
    assertThat(calendar.timerDate(at("2026-12-01T12:00"))).isEqualTo("2026-12-01T12:00:00-05:00");
    assertThat(calendar.timerDate(at("2026-07-01T12:00"))).isEqualTo("2026-07-01T12:00:00-04:00");
  }
}
