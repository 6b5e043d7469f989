package org.callbackladder.practice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.callbackladder.practice.TimeRange;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the ladder spaces its attempts ({@code callback.schedule.*}): the patient's calling window
 * and the parts of the day (both in the patient's local time), the least time between two
 * attempts, whether the last attempt waits for a later practice day, and how far ahead to look.
 */
@Validated
@ConfigurationProperties("callback.schedule")
public record ScheduleProperties(
    @NotNull Duration minimumGap,
    @NotNull TimeRange callingWindow,
    @Valid @NotEmpty List<DayPart> dayParts,
    boolean lastAttemptOnLaterDay,
    @Min(1) int searchDays) {

  /** A named part of the patient's day, e.g. morning 08:00-12:00, used to vary attempts. */
  public record DayPart(@NotBlank String name, @NotNull LocalTime start, @NotNull LocalTime end) {

    public boolean contains(LocalTime time) {
      return !time.isBefore(start) && time.isBefore(end);
    }

    public TimeRange range() {
      return new TimeRange(start, end);
    }

    @AssertTrue(message = "start must be before end")
    public boolean isStartBeforeEnd() {
      return start == null || end == null || start.isBefore(end);
    }
  }
}
