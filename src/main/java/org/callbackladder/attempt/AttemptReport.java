package org.callbackladder.attempt;

import java.util.ArrayList;
import java.util.List;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;

/**
 * The fixed fields a coordinator records for one call. The form asks for them; this enforces them
 * again, so a task completed through any client is documented the same way.
 */
public record AttemptReport(AttemptOutcome outcome, Resolution resolution, String notes) {

  public static final int NOTES_MAX = 4000;

  /** Parses the call form's values; outcome is required, and a resolution when reached. */
  public static AttemptReport of(Object outcome, Object resolution, Object notes) {
    List<FieldProblem> problems = new ArrayList<>();
    AttemptOutcome parsedOutcome = FieldRules.oneOf(AttemptOutcome.class, "attemptOutcome", outcome, problems);
    Resolution parsedResolution = null;
    if (parsedOutcome == AttemptOutcome.REACHED) {
      parsedResolution = FieldRules.oneOf(Resolution.class, "resolution", resolution, problems);
    }
    String text = FieldRules.optionalText("attemptNotes", notes, NOTES_MAX, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new AttemptReport(parsedOutcome, parsedResolution, text);
  }
}
