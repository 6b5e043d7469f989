package org.callbackladder.practice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who the practice is and when it is open ({@code callback.practice.*}). Messages name the practice
 * and its callback number; every attempt is scheduled inside these hours; phone numbers written
 * without a country code are read as numbers of {@code phoneRegion} (ISO 3166 code, e.g. US).
 */
@Validated
@ConfigurationProperties("callback.practice")
public record PracticeProperties(
    @NotBlank String name,
    @NotBlank String callbackNumber,
    @NotNull ZoneId timeZone,
    @NotBlank String phoneRegion,
    @Valid @NotNull Hours hours) {

  public record Hours(
      @NotEmpty Set<DayOfWeek> openDays, @NotNull LocalTime opensAt, @NotNull LocalTime closesAt) {

    public boolean isOpenOn(DayOfWeek day) {
      return openDays.contains(day);
    }

    @AssertTrue(message = "opens-at must be before closes-at")
    public boolean isOpeningBeforeClosing() {
      return opensAt == null || closesAt == null || opensAt.isBefore(closesAt);
    }
  }
}
