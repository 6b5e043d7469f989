package org.callbackladder.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import org.callbackladder.schedule.ScheduleProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A practice's hours and day parts are checked when the application starts. */
class PracticeConfigurationTest {

  @EnableConfigurationProperties({PracticeProperties.class, ScheduleProperties.class})
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
              "callback.practice.hours.open-days=MONDAY,TUESDAY",
              "callback.practice.hours.opens-at=08:30",
              "callback.practice.hours.closes-at=17:00",
              "callback.schedule.minimum-gap=PT3H",
              "callback.schedule.search-days=14",
              "callback.schedule.day-parts[0].name=morning",
              "callback.schedule.day-parts[0].start=08:00",
              "callback.schedule.day-parts[0].end=12:00");

  @Test
  void aValidPracticeBinds() {
    context.run(started -> {
      assertThat(started).hasNotFailed();
      assertThat(started.getBean(PracticeProperties.class).hours().isOpenOn(DayOfWeek.TUESDAY)).isTrue();
    });
  }

  @Test
  void closingBeforeOpeningStopsTheStart() {
    context.withPropertyValues("callback.practice.hours.closes-at=07:00").run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("opens-at must be before closes-at"));
  }

  @Test
  void aDayPartEndingBeforeItStartsStopsTheStart() {
    context.withPropertyValues("callback.schedule.day-parts[0].end=07:00").run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("start must be before end"));
  }

  @Test
  void aPracticeWithoutANameStopsTheStart() {
    context.withPropertyValues("callback.practice.name=").run(started ->
        assertThat(started).getFailure().rootCause().hasMessageContaining("callback.practice.name"));
  }
}
