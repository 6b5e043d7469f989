package org.callbackladder.routing;

/** A routing decision applied to a request: the first attempt's due time as a timer date. */
public record Assignment(RoutingDecision decision, String firstAttemptDueAt) {}
