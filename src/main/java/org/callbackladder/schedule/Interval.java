package org.callbackladder.schedule;

import java.time.Instant;

/** A span of time between two instants; empty when it does not start before it ends. */
public record Interval(Instant start, Instant end) {

  public boolean isEmpty() {
    return !start.isBefore(end);
  }

  public Interval intersect(Interval other) {
    return new Interval(
        start.isAfter(other.start) ? start : other.start, end.isBefore(other.end) ? end : other.end);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
