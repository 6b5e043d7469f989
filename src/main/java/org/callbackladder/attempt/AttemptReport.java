package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NOTES;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_OUTCOME;
import static org.callbackladder.CallbackProcess.Vars.EMERGENCY_LINE_GIVEN;
import static org.callbackladder.CallbackProcess.Vars.PATIENT_WORDS;
import static org.callbackladder.CallbackProcess.Vars.RESOLUTION;
import static org.callbackladder.CallbackProcess.Vars.SCHEDULING_STILL_NEEDED;

import java.util.ArrayList;
import java.util.List;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The fixed fields a coordinator records for one call. The form asks for them; this enforces them
 * again, so a task completed through any client is documented the same way. A clinical concern or
 * an emergency needs the patient's own words; an emergency also that the emergency line was given.
 */
public record AttemptReport(
    AttemptOutcome outcome,
    Resolution resolution,
    String notes,
    String patientWords,
    Boolean emergencyLineGiven,
    Boolean schedulingStillNeeded) {

  public static final int NOTES_MAX = 4000;

  /** A call without a clinical concern. */
  public static AttemptReport of(Object outcome, Object resolution, Object notes) {
    return of(outcome, resolution, notes, null, null, null);
  }

  /** The call form's answers as the task or execution holds them. */
  public static AttemptReport of(VariableScope answers) {
    return of(answers.getVariable(ATTEMPT_OUTCOME), answers.getVariable(RESOLUTION), answers.getVariable(ATTEMPT_NOTES),
        answers.getVariable(PATIENT_WORDS), answers.getVariable(EMERGENCY_LINE_GIVEN),
        answers.getVariable(SCHEDULING_STILL_NEEDED));
  }

  static AttemptReport of(
      Object outcome, Object resolution, Object notes, Object words, Object emergencyLine, Object stillNeeded) {
    List<FieldProblem> problems = new ArrayList<>();
    AttemptOutcome parsedOutcome = FieldRules.oneOf(AttemptOutcome.class, "attemptOutcome", outcome, problems);
    Resolution parsedResolution = null;
    if (parsedOutcome == AttemptOutcome.REACHED) {
      parsedResolution = FieldRules.oneOf(Resolution.class, "resolution", resolution, problems);
    }
    String text = FieldRules.optionalText("attemptNotes", notes, NOTES_MAX, problems);
    String patientWords = null;
    Boolean lineGiven = null;
    Boolean schedulingNeeded = null;
    if (parsedOutcome != null && parsedOutcome.isClinical()) {
      patientWords = FieldRules.requiredText("patientWords", words, NOTES_MAX, problems);
      schedulingNeeded = Boolean.TRUE.equals(stillNeeded) || "true".equals(String.valueOf(stillNeeded));
    }
    if (parsedOutcome == AttemptOutcome.EMERGENCY) {
      lineGiven = Boolean.TRUE.equals(emergencyLine) || "true".equals(String.valueOf(emergencyLine));
      if (!lineGiven) {
        problems.add(new FieldProblem("emergencyLineGiven", "required",
            "must be confirmed: give the patient the emergency line before handing over"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new AttemptReport(parsedOutcome, parsedResolution, text, patientWords, lineGiven, schedulingNeeded);
  }
}
