package org.callbackladder.routing;

import java.time.Duration;
import java.util.Map;

/** One row of the "Callback routing" table, as the business rule task returned it. */
public record RoutingDecision(String queue, int priority, Duration responseWindow, int maxAttempts) {

  public RoutingDecision {
    if (queue == null || queue.isBlank()) {
      throw new IllegalStateException("The Callback routing table gave no queue");
    }
    if (maxAttempts < 1) {
      throw new IllegalStateException("The Callback routing table must allow at least one attempt");
    }
  }

  static RoutingDecision of(Map<String, Object> result) {
    return new RoutingDecision(
        (String) result.get("queue"),
        ((Number) result.get("priority")).intValue(),
        Duration.parse((String) result.get("responseWindow")),
        ((Number) result.get("maxAttempts")).intValue());
  }
}
