package org.callbackladder.practice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the ladder spaces its attempts ({@code callback.schedule.*}): the patient's calling window
 * and the parts of the day (both in the patient's local time), the least time between two
 * attempts, whether the last attempt waits for a later practice day, how far ahead to look, and
 * the work hours a patient may ask not to be called or texted in.
 */
@Validated
@ConfigurationProperties("callback.schedule")
public record ScheduleProperties(
    @NotNull Duration minimumGap,
    @NotNull TimeRange callingWindow,
    @Valid @NotEmpty List<DayPart> dayParts,
    boolean lastAttemptOnLaterDay,
    @Min(1) int searchDays,
    @Valid @NotNull WorkHours workHours) {

  /**
   * The hours of a working day, in the patient's time: a patient who asked not to be contacted
   * during work hours is called and texted only outside them (HIPAA 164.522(b)).
   */
  public record WorkHours(@NotEmpty Set<DayOfWeek> days, @NotNull TimeRange hours) {

    public boolean on(DayOfWeek day) {
      return days.contains(day);
    }

    /** As the call sheet says it, e.g. "09:00-17:00 Mon-Fri" or "09:00-17:00 Mon, Tue, Sat". */
    @Override
    public String toString() {
      List<DayOfWeek> sorted = days.stream().sorted().toList();
      boolean run = sorted.get(sorted.size() - 1).ordinal() - sorted.get(0).ordinal() == sorted.size() - 1;
      return hours + " " + (run && sorted.size() > 2
          ? name(sorted.get(0)) + "-" + name(sorted.get(sorted.size() - 1))
          : String.join(", ", sorted.stream().map(WorkHours::name).toList()));
    }

    private static String name(DayOfWeek day) {
      return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
  }

  /** The part of the day a local time falls in, if any. */
  public Optional<String> dayPartAt(LocalTime time) {
    return dayParts.stream().filter(part -> part.contains(time)).map(DayPart::name).findFirst();
  }

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
