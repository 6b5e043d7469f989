package org.callbackladder.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When the reviews happen, in practice time ({@code callback.review.*}), and what the weekly review
 * calls a clear difference between parts of the patient's day.
 */
@Validated
@ConfigurationProperties("callback.review")
public record ReviewProperties(@Valid @NotNull Daily daily, @Valid @NotNull Weekly weekly, @Min(0) int bookedWithinDays) {

  /** The Daily callback review: on these days at this time; a practice holiday has none. */
  public record Daily(@NotEmpty Set<DayOfWeek> days, @NotNull LocalTime at) {}

  /**
   * The Weekly callback review: on this day at this time, over this many weeks. No suggestion rests
   * on fewer than {@code minimumSample} calls, requests or closures; a part of the day reaches
   * patients clearly better or worse when its reach rate is at least {@code clearDifference} (0.10:
   * ten points) from the rest of the day's, and a share of requests rose when it grew that much.
   */
  public record Weekly(
      @NotNull DayOfWeek day,
      @NotNull LocalTime at,
      @Min(2) int weeks,
      @Min(1) int minimumSample,
      @DecimalMin("0.01") @DecimalMax("1.0") double clearDifference) {}
}
