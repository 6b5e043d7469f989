package org.callbackladder.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.callbackladder.practice.ScheduleProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

/** A practice's hours, holidays and day parts are read and checked when the application starts. */
class PracticeConfigurationTest {

  @EnableConfigurationProperties({PracticeProperties.class, ScheduleProperties.class})
  @Import(CalendarConverters.class)
  static class Config {}

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class)
          .withPropertyValues(
              "callback.practice.name=Hillside Clinic",
              "callback.practice.callback-number=(555) 010-0100",
              "callback.practice.time-zone=America/Chicago",
              "callback.practice.phone-region=US",
              "callback.practice.hours.monday=08:30-12:00,13:00-17:00",
              "callback.practice.hours.tuesday=08:30-17:00",
              "callback.practice.holidays.yearly=12-25,01-01",
              "callback.practice.holidays.dates=2026-11-26",
              "callback.schedule.minimum-gap=PT3H",
              "callback.schedule.calling-window=08:00-20:00",
              "callback.schedule.search-days=14",
              "callback.schedule.day-parts[0].name=morning",
              "callback.schedule.day-parts[0].start=08:00",
              "callback.schedule.day-parts[0].end=12:00",
              "callback.schedule.work-hours.days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY",
              "callback.schedule.work-hours.hours=07:00-15:30");

  @Test
  void aPracticeWithALunchClosureAndHolidaysBinds() {
    context.run(started -> {
      assertThat(started).hasNotFailed();
      PracticeProperties practice = started.getBean(PracticeProperties.class);
      assertThat(practice.hoursOn(DayOfWeek.MONDAY))
          .containsExactly(TimeRange.parse("08:30-12:00"), TimeRange.parse("13:00-17:00"));
      assertThat(practice.hoursOn(DayOfWeek.SATURDAY)).isEmpty();
      assertThat(practice.holidays().isHoliday(LocalDate.parse("2027-12-25"))).isTrue();
      assertThat(practice.holidays().isHoliday(LocalDate.parse("2026-11-26"))).isTrue();
      assertThat(practice.holidays().isHoliday(LocalDate.parse("2027-11-26"))).isFalse();
      assertThat(started.getBean(ScheduleProperties.class).callingWindow().start()).isEqualTo(LocalTime.of(8, 0));
      ScheduleProperties.WorkHours work = started.getBean(ScheduleProperties.class).workHours();
      assertThat(work.on(DayOfWeek.THURSDAY)).isTrue();
      assertThat(work.on(DayOfWeek.FRIDAY)).isFalse();
      assertThat(work).hasToString("07:00-15:30 Mon-Thu");
    });
  }

  @Test
  void hoursThatEndBeforeTheyStartStopTheStart() {
    context.withPropertyValues("callback.practice.hours.monday=17:00-08:00").run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("must start before it ends"));
  }

  @Test
  void overlappingHoursStopTheStart() {
    context.withPropertyValues("callback.practice.hours.monday=08:00-13:00,12:00-17:00").run(started ->
        assertThat(started).getFailure().hasStackTraceContaining("hours of one day must not overlap"));
  }

  @Test
  void aDayPartEndingBeforeItStartsStopsTheStart() {
    context.withPropertyValues("callback.schedule.day-parts[0].end=07:00").run(started ->
        assertThat(started).getFailure().hasStackTraceContaining("start must be before end"));
  }

  @Test
  void aPracticeWithoutANameStopsTheStart() {
    context.withPropertyValues("callback.practice.name=").run(started ->
        assertThat(started).getFailure().hasStackTraceContaining("callback.practice.name"));
  }
}
