package org.callbackladder.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the ladder spaces its attempts ({@code callback.schedule.*}): the least time between two
 * attempts, the parts of the day it varies attempts across, and how many days ahead it looks for a
 * slot.
 */
@Validated
@ConfigurationProperties("callback.schedule")
public record ScheduleProperties(
    @NotNull Duration minimumGap,
    @Valid @NotEmpty List<DayPart> dayParts,
    @Min(1) int searchDays) {

  /** A named part of the practice's day, e.g. morning 08:00-12:00 (practice time). */
  public record DayPart(@NotBlank String name, @NotNull LocalTime start, @NotNull LocalTime end) {

    public boolean contains(LocalTime time) {
      return !time.isBefore(start) && time.isBefore(end);
    }

    @AssertTrue(message = "start must be before end")
    public boolean isStartBeforeEnd() {
      return start == null || end == null || start.isBefore(end);
    }
  }
}
