package org.callbackladder.routing;

/**
 * A routing decision applied to a request: when the first attempt may start (null when the
 * patient's window is out of reach) and when it is due, as ISO-8601 dates.
 */
public record Assignment(RoutingDecision decision, String firstAttemptFollowUpAt, String firstAttemptDueAt) {}
