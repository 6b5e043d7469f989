package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.Vars.ASKED_NOT_DURING_WORK_HOURS;
import static org.callbackladder.CallbackProcess.Vars.ASKED_NO_TEXTS;
import static org.callbackladder.CallbackProcess.Vars.ASKED_NO_VOICEMAIL;
import static org.callbackladder.CallbackProcess.Vars.ASKED_TEXT_ONLY;
import static org.callbackladder.CallbackProcess.Vars.ASKED_THIS_NUMBER_ONLY;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NOTES;
import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_OUTCOME;
import static org.callbackladder.CallbackProcess.Vars.EMERGENCY_LINE_GIVEN;
import static org.callbackladder.CallbackProcess.Vars.PATIENT_ASKED;
import static org.callbackladder.CallbackProcess.Vars.PATIENT_WORDS;
import static org.callbackladder.CallbackProcess.Vars.RESOLUTION;
import static org.callbackladder.CallbackProcess.Vars.SCHEDULING_STILL_NEEDED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callbackladder.contact.PatientContacts.AskedOnCall;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The fixed fields a coordinator records for one call. The form asks for them; this enforces them
 * again, so a task completed through any client is documented the same way. A clinical concern or
 * an emergency needs the patient's own words; an emergency also that the emergency line was given.
 * What the patient asked for about contacting them can only come from a call where someone spoke
 * with them.
 */
public record AttemptReport(
    AttemptOutcome outcome,
    Resolution resolution,
    String notes,
    String patientWords,
    Boolean emergencyLineGiven,
    Boolean schedulingStillNeeded,
    AskedOnCall asked) {

  public static final int NOTES_MAX = 4000;

  /** A call without a clinical concern. */
  public static AttemptReport of(Object outcome, Object resolution, Object notes) {
    return of(outcome, resolution, notes, null, null, null, Map.of());
  }

  /** The call form's answers as the task or execution holds them. */
  public static AttemptReport of(VariableScope answers) {
    Map<String, Object> asked = new HashMap<>();
    PATIENT_ASKED.forEach(box -> asked.put(box, answers.getVariable(box)));
    return of(answers.getVariable(ATTEMPT_OUTCOME), answers.getVariable(RESOLUTION), answers.getVariable(ATTEMPT_NOTES),
        answers.getVariable(PATIENT_WORDS), answers.getVariable(EMERGENCY_LINE_GIVEN),
        answers.getVariable(SCHEDULING_STILL_NEEDED), asked);
  }

  /** @param asked the "the patient asked us to..." boxes by variable, as ticked or not (absent: not ticked) */
  static AttemptReport of(Object outcome, Object resolution, Object notes, Object words, Object emergencyLine,
      Object stillNeeded, Map<String, Object> asked) {
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
      schedulingNeeded = FieldRules.tick(SCHEDULING_STILL_NEEDED, stillNeeded, problems);
    }
    if (parsedOutcome == AttemptOutcome.EMERGENCY) {
      lineGiven = FieldRules.tick(EMERGENCY_LINE_GIVEN, emergencyLine, problems);
      if (!lineGiven) {
        problems.add(new FieldProblem(EMERGENCY_LINE_GIVEN, "required",
            "must be confirmed: give the patient the emergency line before handing over"));
      }
    }
    Map<String, Boolean> ticked = new HashMap<>();
    PATIENT_ASKED.forEach(box -> ticked.put(box, FieldRules.tick(box, asked.get(box), problems)));
    if (parsedOutcome != null && !parsedOutcome.spokeWithPatient()) {
      PATIENT_ASKED.stream().filter(ticked::get).forEach(box -> problems.add(
          new FieldProblem(box, "spokeWithPatient", "only when someone spoke with the patient on this call")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new AttemptReport(parsedOutcome, parsedResolution, text, patientWords, lineGiven, schedulingNeeded,
        new AskedOnCall(ticked.get(ASKED_NO_TEXTS), ticked.get(ASKED_NO_VOICEMAIL), ticked.get(ASKED_TEXT_ONLY),
            ticked.get(ASKED_THIS_NUMBER_ONLY), ticked.get(ASKED_NOT_DURING_WORK_HOURS)));
  }
}
