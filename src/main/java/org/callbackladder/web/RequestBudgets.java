package org.callbackladder.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Requests a minute, counted per key: a signed-in user, a client address's failed sign-ins, a
 * phone system's account. Windows are calendar minutes; old ones are swept when a new minute starts.
 */
@Component
public class RequestBudgets {

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong sweptMinute = new AtomicLong();

  public RequestBudgets(Clock clock) {
    this.clock = clock;
  }

  /** Counts one request against the key; false when it goes over this minute's limit. */
  public boolean spend(String key, int limit) {
    long minute = minute();
    if (sweptMinute.getAndSet(minute) != minute) {
      windows.values().removeIf(old -> old.minute != minute);
    }
    return windows.compute(key, (k, old) -> old == null || old.minute != minute ? new Window(minute) : old).count() <= limit;
  }

  /** Counts one request against the key, or refuses it with 429 when over this minute's limit. */
  public void spendOrRefuse(String key, int limit, String who) {
    if (!spend(key, limit)) {
      throw new TooManyRequestsException(
          "More than " + limit + " requests a minute from " + who + "; try again shortly", secondsToNextMinute());
    }
  }

  /** Whether the key has used up this minute's limit already, without counting. */
  public boolean exhausted(String key, int limit) {
    Window window = windows.get(key);
    return window != null && window.minute == minute() && window.requests() >= limit;
  }

  /** For Retry-After: the seconds until the next minute. */
  public long secondsToNextMinute() {
    return 60 - (clock.millis() / 1000) % 60;
  }

  private long minute() {
    return clock.millis() / 60_000;
  }

  private static final class Window {
    private final long minute;
    private int requests;

    Window(long minute) {
      this.minute = minute;
    }

    synchronized int count() {
      return ++requests;
    }

    synchronized int requests() {
      return requests;
    }
  }
}
