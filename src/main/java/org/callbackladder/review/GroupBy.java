package org.callbackladder.review;

import java.util.List;
import java.util.Locale;
import org.callbackladder.web.FieldProblem;

/**
 * What a report's figures are split by. A request's coordinator is whoever made its first attempt
 * (kept on the request); an attempt's is the person who made it.
 */
public enum GroupBy {
  NONE("'all'", "'all'"),
  CHANNEL("r.channel", "r.channel"),
  REASON("r.reason", "r.reason"),
  QUEUE("coalesce(r.queue, '(no queue)')", "coalesce(r.queue, '(no queue)')"),
  COORDINATOR("coalesce(r.first_attempt_by, '(no attempt yet)')", "a.agent");

  private final String requestColumn;
  private final String attemptColumn;

  GroupBy(String requestColumn, String attemptColumn) {
    this.requestColumn = requestColumn;
    this.attemptColumn = attemptColumn;
  }

  /** The group of request {@code r} (or of what belongs to it), as SQL. */
  String requestColumn() {
    return requestColumn;
  }

  /** The group of attempt {@code a} of request {@code r}, as SQL. */
  String attemptColumn() {
    return attemptColumn;
  }

  /** Whether an attempt's group is its request's (else the attempt tells it: overall, or its agent). */
  boolean attemptNeedsRequest() {
    return this != NONE && this != COORDINATOR;
  }

  static GroupBy parse(String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      problems.add(new FieldProblem("groupBy", "one-of", "must be one of channel, reason, queue, coordinator"));
      return null;
    }
  }
}
