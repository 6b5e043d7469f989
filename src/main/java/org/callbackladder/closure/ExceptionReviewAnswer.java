package org.callbackladder.closure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.callbackladder.closure.ExceptionDecision.Choice;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;

/**
 * The exception-review form's answers, enforced whatever client completes the task: a choice; what
 * was done (who was told and how, which letter or message, or why it closes) except for one more
 * attempt; and for a closure, one of the reasons a reviewer may give. The closure reason each
 * choice leads to, none for one more attempt.
 */
public record ExceptionReviewAnswer(Choice choice, String detail, ClosureReason closureReason) {

  public static final int DETAIL_MAX = 2000;
  /** The reasons a reviewer may close with; the others belong to calls and clinicians. */
  public static final Set<ClosureReason> REVIEW_CLOSURES =
      EnumSet.of(ClosureReason.RESOLVED, ClosureReason.ROUTED, ClosureReason.DECLINED, ClosureReason.WRONG_NUMBER,
          ClosureReason.UNREACHABLE);

  public static ExceptionReviewAnswer of(Object choice, Object detail, Object closureReason) {
    List<FieldProblem> problems = new ArrayList<>();
    Choice parsed = FieldRules.oneOf(Choice.class, "exceptionDecision", choice, problems);
    String text = parsed == Choice.ONE_MORE_ATTEMPT
        ? FieldRules.optionalText("exceptionDetail", detail, DETAIL_MAX, problems)
        : FieldRules.requiredText("exceptionDetail", detail, DETAIL_MAX, problems);
    ClosureReason closure = switch (parsed == null ? Choice.ONE_MORE_ATTEMPT : parsed) {
      case NOTIFY_REFERRING_OFFICE -> ClosureReason.REFERRER_NOTIFIED;
      case LETTER_OR_PORTAL_MESSAGE -> ClosureReason.LETTER_SENT;
      case ONE_MORE_ATTEMPT -> null;
      case CLOSE -> {
        ClosureReason given = FieldRules.oneOf(ClosureReason.class, "exceptionClosureReason", closureReason, problems);
        if (given != null && !REVIEW_CLOSURES.contains(given)) {
          problems.add(new FieldProblem("exceptionClosureReason", "one-of", "must be one of " + REVIEW_CLOSURES));
        }
        yield given;
      }
    };
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new ExceptionReviewAnswer(parsed, text, closure);
  }
}
