package org.callbackladder.practice;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** A span of local time within one day, written {@code 08:00-12:00}. */
public record TimeRange(LocalTime start, LocalTime end) {

  public TimeRange {
    if (start == null || end == null || !start.isBefore(end)) {
      throw new IllegalArgumentException("A time range must start before it ends: " + start + "-" + end);
    }
  }

  /** Parses {@code HH:mm-HH:mm}. */
  public static TimeRange parse(String text) {
    String[] parts = text.strip().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException("Not a time range (HH:mm-HH:mm): " + text);
    }
    try {
      return new TimeRange(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not a time range (HH:mm-HH:mm): " + text, e);
    }
  }

  public boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
