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
import static org.callbackladder.CallbackProcess.Vars.APPOINTMENT_AT;
import static org.callbackladder.CallbackProcess.Vars.APPOINTMENT_WITH;
import static org.callbackladder.CallbackProcess.Vars.BETTER_NUMBER;
import static org.callbackladder.CallbackProcess.Vars.CALLER_NAME;
import static org.callbackladder.CallbackProcess.Vars.CALL_BACK_AT;
import static org.callbackladder.CallbackProcess.Vars.ROUTED_TO;
import static org.callbackladder.CallbackProcess.Vars.SETTLED;
import static org.callbackladder.CallbackProcess.Vars.SPOKE_WITH;
import static org.callbackladder.CallbackProcess.Vars.OUTSIDE_WINDOW_REASON;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callbackladder.CallbackProcess;
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
    AskedOnCall asked,
    Settled settled) {

  public static final int NOTES_MAX = 4000;

  /**
   * What the call settled, by outcome: the appointment booked (when, and with whom or where), the
   * queue the request was routed to, the time the patient chose for the next call, and who took a
   * message when someone else answered (a role).
   */
  public record Settled(Instant appointmentAt, String appointmentWith, String routedTo, Instant callBackAt,
      SpokeWith spokeWith, OutsideWindow outsideWindow, String callerName, String betterNumber) {
    static final Settled NOTHING = new Settled(null, null, null, null, null, null, null, null);
  }

  /** Why a call was made while the patient's calling window or the practice was closed. */
  public enum OutsideWindow { PATIENT_ASKED, RETURNING_THEIR_CALL, URGENT }

  /** Who took a message when someone other than the patient answered: a role, never a name. */
  public enum SpokeWith { FAMILY_MEMBER, CAREGIVER, COLLEAGUE_OR_RECEPTION, OTHER }

  /**
   * The outcome and resolution of a call already documented (the closing step reads them to name the
   * closure reason); what the call settled is on its attempt record.
   */
  public static AttemptReport of(Object outcome, Object resolution, Object notes) {
    return of(outcome, resolution, notes, null, null, null, Map.of(), Map.of(), null);
  }

  /** The call form's answers as the task or execution holds them, checked against the practice's rules. */
  public static AttemptReport of(VariableScope answers, CallRules rules) {
    Map<String, Object> asked = new HashMap<>();
    PATIENT_ASKED.forEach(box -> asked.put(box, answers.getVariable(box)));
    Map<String, Object> settled = new HashMap<>();
    SETTLED.stream().filter(field -> !field.equals(OUTSIDE_WINDOW_REASON))
        .forEach(field -> settled.put(field, answers.getVariable(field)));
    if (!rules.callableNow(CallbackProcess.requestId(answers))) {
      settled.put(OUTSIDE_WINDOW_REASON, answers.hasVariable(OUTSIDE_WINDOW_REASON) ? answers.getVariable(OUTSIDE_WINDOW_REASON) : "");
    }
    return of(answers.getVariable(ATTEMPT_OUTCOME), answers.getVariable(RESOLUTION), answers.getVariable(ATTEMPT_NOTES),
        answers.getVariable(PATIENT_WORDS), answers.getVariable(EMERGENCY_LINE_GIVEN),
        answers.getVariable(SCHEDULING_STILL_NEEDED), asked, settled, rules);
  }

  /**
   * @param asked the "the patient asked us to..." boxes by variable, as ticked or not (absent: not ticked)
   * @param settled the outcome's own fields by variable; checked only with {@code rules}
   */
  static AttemptReport of(Object outcome, Object resolution, Object notes, Object words, Object emergencyLine,
      Object stillNeeded, Map<String, Object> asked, Map<String, Object> settled, CallRules rules) {
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
    Settled what = rules == null || parsedOutcome == null ? Settled.NOTHING
        : settled(parsedOutcome, parsedResolution, settled, rules, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new AttemptReport(parsedOutcome, parsedResolution, text, patientWords, lineGiven, schedulingNeeded,
        new AskedOnCall(ticked.get(ASKED_NO_TEXTS), ticked.get(ASKED_NO_VOICEMAIL), ticked.get(ASKED_TEXT_ONLY),
            ticked.get(ASKED_THIS_NUMBER_ONLY), ticked.get(ASKED_NOT_DURING_WORK_HOURS)), what);
  }

  /** Each outcome's own fields: required where the outcome needs them, refused where it does not. */
  private static Settled settled(AttemptOutcome outcome, Resolution resolution, Map<String, Object> answers,
      CallRules rules, List<FieldProblem> problems) {
    Map<String, Boolean> wanted = Map.of(
        APPOINTMENT_AT, resolution == Resolution.BOOKED,
        APPOINTMENT_WITH, resolution == Resolution.BOOKED,
        ROUTED_TO, resolution == Resolution.ROUTED,
        CALL_BACK_AT, resolution == Resolution.CALL_AT_CHOSEN_TIME,
        SPOKE_WITH, outcome == AttemptOutcome.SPOKE_WITH_SOMEONE_ELSE);
    wanted.forEach((field, asked) -> {
      if (!asked && answers.get(field) != null && !"".equals(answers.get(field))) {
        problems.add(new FieldProblem(field, "notForThisOutcome", "only for "
            + (field.equals(SPOKE_WITH) ? "a call someone else answered" : "the outcome it belongs to")));
      }
    });
    Instant appointment = null;
    String with = null;
    if (resolution == Resolution.BOOKED) {
      appointment = rules.dateTime(APPOINTMENT_AT, answers.get(APPOINTMENT_AT), problems);
      if (appointment != null && !appointment.isAfter(rules.now())) {
        problems.add(new FieldProblem(APPOINTMENT_AT, "future", "must be a date and time still ahead"));
      }
      with = FieldRules.optionalText(APPOINTMENT_WITH, answers.get(APPOINTMENT_WITH), 200, problems);
    }
    String routedTo = null;
    if (resolution == Resolution.ROUTED) {
      routedTo = FieldRules.requiredText(ROUTED_TO, answers.get(ROUTED_TO), 64, problems);
      if (routedTo != null && !rules.routable(routedTo)) {
        problems.add(new FieldProblem(ROUTED_TO, "oneOf", "must be one of " + String.join(", ", rules.routeTargets())));
        routedTo = null;
      }
    }
    Instant callBack = null;
    if (resolution == Resolution.CALL_AT_CHOSEN_TIME) {
      callBack = rules.callBackAt(CALL_BACK_AT, answers.get(CALL_BACK_AT), problems);
    }
    SpokeWith spokeWith = outcome == AttemptOutcome.SPOKE_WITH_SOMEONE_ELSE
        ? FieldRules.oneOf(SpokeWith.class, SPOKE_WITH, answers.get(SPOKE_WITH), problems)
        : null;
    // asked for only when the call is made while the patient's window or the practice is closed
    OutsideWindow outside = null;
    if (answers.containsKey(OUTSIDE_WINDOW_REASON)) {
      Object given = answers.get(OUTSIDE_WINDOW_REASON);
      if ((given == null || "".equals(given)) && outcome.isClinical()) {
        // a clinical hand-off is never held up by a form field
        outside = OutsideWindow.URGENT;
      } else if (given == null || "".equals(given)) {
        problems.add(new FieldProblem(OUTSIDE_WINDOW_REASON, "required",
            "is needed: the patient's calling window or the practice is closed now, so say why you are calling"));
      } else {
        outside = FieldRules.oneOf(OutsideWindow.class, OUTSIDE_WINDOW_REASON, given, problems);
      }
    }
    // who an unknown caller is, and a better number, from anyone who answered
    String callerName = FieldRules.optionalText(CALLER_NAME, answers.get(CALLER_NAME), 200, problems);
    String betterNumber = rules.phone(BETTER_NUMBER, answers.get(BETTER_NUMBER), problems);
    return new Settled(appointment, with, routedTo, callBack, spokeWith, outside, callerName, betterNumber);
  }
}
