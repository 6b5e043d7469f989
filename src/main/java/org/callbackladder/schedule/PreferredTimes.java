package org.callbackladder.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callbackladder.practice.ScheduleProperties;
import org.callbackladder.practice.TimeRange;

/**
 * Reads the times a patient asked to be called at from what the intake form collected: the names
 * of the parts of the day ("mornings", "evening") and explicit ranges ("15:00-18:00"), in the
 * patient's local time. Anything else stays a note for the coordinator.
 */
public final class PreferredTimes {

  private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

  public static List<TimeRange> parse(String text, List<ScheduleProperties.DayPart> dayParts) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String words = text.toLowerCase(Locale.ROOT);
    List<TimeRange> ranges = new ArrayList<>();
    for (ScheduleProperties.DayPart part : dayParts) {
      if (words.contains(part.name().toLowerCase(Locale.ROOT))) {
        ranges.add(part.range());
      }
    }
    Matcher explicit = RANGE.matcher(words);
    while (explicit.find()) {
      try {
        ranges.add(TimeRange.parse(pad(explicit.group(1)) + "-" + pad(explicit.group(2))));
      } catch (IllegalArgumentException notARange) {
        // "25:00-26:00" and the like stay a note
      }
    }
    return ranges;
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }

  private PreferredTimes() {}
}
