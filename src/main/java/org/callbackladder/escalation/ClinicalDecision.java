package org.callbackladder.escalation;

import java.util.ArrayList;
import java.util.List;
import org.callbackladder.escalation.ClinicalHandOff.Outcome;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;

/**
 * What a clinician records on a clinical task: handled by the clinical team, or back to scheduling;
 * always with a note of what was done (the coordinators read it when scheduling continues). Enforced
 * again here, whatever client completes.
 */
public record ClinicalDecision(Outcome outcome, String note) {

  public static final int NOTE_MAX = 2000;

  public static ClinicalDecision of(Object outcome, Object note) {
    List<FieldProblem> problems = new ArrayList<>();
    Outcome parsed = FieldRules.oneOf(Outcome.class, "clinicalOutcome", outcome, problems);
    if (parsed == Outcome.SUPERSEDED) {
      problems.add(new FieldProblem("clinicalOutcome", "one-of", "must be one of HANDLED, CONTINUE_SCHEDULING"));
    }
    String text = FieldRules.requiredText("clinicalNote", note, NOTE_MAX, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new ClinicalDecision(parsed, text);
  }
}
