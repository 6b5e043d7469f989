package org.callbackladder.practice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who the practice is and when it is open ({@code callback.practice.*}). Messages name the practice
 * and its callback number; attempts are scheduled inside its hours, never on a holiday. Phone
 * numbers written without a country code are read as numbers of {@code phoneRegion} (e.g. US).
 */
@Validated
@ConfigurationProperties("callback.practice")
public record PracticeProperties(
    @NotBlank String name,
    @NotBlank String callbackNumber,
    @NotNull ZoneId timeZone,
    @NotBlank String phoneRegion,
    @NotEmpty Map<DayOfWeek, List<TimeRange>> hours,
    @Valid Holidays holidays) {

  public PracticeProperties {
    holidays = holidays == null ? new Holidays(List.of(), List.of()) : holidays;
  }

  /** Opening hours of a weekday, in order; empty when closed. */
  public List<TimeRange> hoursOn(DayOfWeek day) {
    return hours.getOrDefault(day, List.of()).stream()
        .sorted((a, b) -> a.start().compareTo(b.start()))
        .toList();
  }

  @AssertTrue(message = "hours of one day must not overlap")
  public boolean isEachDayWithoutOverlaps() {
    if (hours == null) {
      return true;
    }
    for (DayOfWeek day : hours.keySet()) {
      List<TimeRange> ranges = hoursOn(day);
      for (int i = 1; i < ranges.size(); i++) {
        if (ranges.get(i).start().isBefore(ranges.get(i - 1).end())) {
          return false;
        }
      }
    }
    return true;
  }

  /** Closed every year on these days (MM-dd), and on these dates once. */
  public record Holidays(List<MonthDay> yearly, List<LocalDate> dates) {

    public Holidays {
      yearly = yearly == null ? List.of() : List.copyOf(yearly);
      dates = dates == null ? List.of() : List.copyOf(dates);
    }

    public boolean isHoliday(LocalDate date) {
      return dates.contains(date) || yearly.contains(MonthDay.from(date));
    }
  }
}
