package org.callbackladder.routing;

/**
 * A routing decision applied to a request: when the first attempt may start (null when the
 * patient's window is out of reach) and when it is due, as ISO-8601 dates. {@code attemptsSoFar}
 * counts the calls documented before (when the ladder resumes after a clinical hand-off): the
 * attempts go on from there, with the table's number of attempts still ahead.
 */
public record Assignment(
    RoutingDecision decision, String firstAttemptFollowUpAt, String firstAttemptDueAt, int attemptsSoFar) {

  public int firstAttemptNumber() {
    return attemptsSoFar + 1;
  }

  public int maxAttempts() {
    return attemptsSoFar + decision.maxAttempts();
  }
}
