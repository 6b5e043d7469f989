package org.callbackladder.schedule;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** A span of time between two instants; empty when it does not start before it ends. */
public record Interval(Instant start, Instant end) {

  public boolean isEmpty() {
    return !start.isBefore(end);
  }

  public Interval intersect(Interval other) {
    return new Interval(
        start.isAfter(other.start) ? start : other.start, end.isBefore(other.end) ? end : other.end);
  }

  /** What is left of this interval outside {@code other}: none, one or two intervals. */
  public List<Interval> minus(Interval other) {
    if (intersect(other).isEmpty()) {
      return isEmpty() ? List.of() : List.of(this);
    }
    return Stream.of(new Interval(start, other.start), new Interval(other.end, end))
        .filter(part -> !part.isEmpty()).toList();
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
