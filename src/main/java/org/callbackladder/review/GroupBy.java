package org.callbackladder.review;

import java.util.List;
import java.util.Locale;
import org.callbackladder.web.FieldProblem;

/**
 * What a report's figures are split by. A request's coordinator is whoever made its first attempt
 * (the join {@code a1}); an attempt's is the person who made it.
 */
public enum GroupBy {
  NONE("'all'", "'all'"),
  CHANNEL("r.channel", "r.channel"),
  REASON("r.reason", "r.reason"),
  QUEUE("coalesce(r.queue, '(no queue)')", "coalesce(r.queue, '(no queue)')"),
  COORDINATOR("coalesce(a1.agent, '(no attempt yet)')", "a.agent");

  /** The first attempt of request {@code r}, for grouping by coordinator. */
  static final String FIRST_ATTEMPT = " left join call_attempt a1 on a1.callback_request_id = r.id and a1.attempt_number = 1";

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

  /** The join the request column needs, if any. */
  String requestJoin() {
    return this == COORDINATOR ? FIRST_ATTEMPT : "";
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
