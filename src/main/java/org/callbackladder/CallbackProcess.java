package org.callbackladder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Names shared by the BPMN model, the forms, the delegates and the tests. A name changed here must
 * be changed in {@code processes/} and {@code forms/} too.
 */
public final class CallbackProcess {

  public static final String PROCESS_KEY = "PatientCallback";
  /** Staff enter a request by hand through this process; it hands the request to intake. */
  public static final String NEW_REQUEST_PROCESS_KEY = "NewCallbackRequest";
  public static final String MSG_CALLBACK_REQUESTED = "Msg_CallbackRequested";
  public static final String MSG_ADDITIONAL_REQUEST = "Msg_AdditionalRequest";
  public static final String MSG_PATIENT_CALLED_BACK = "Msg_PatientCalledBack";
  /**
   * Patient words that arrive later (a transcription, a new message, a return call's note) screened
   * as a red flag: caught by the scheduling ladder (any flag) and by a Clinical review (emergencies).
   */
  public static final String MSG_RED_FLAG_RAISED = "Msg_RedFlagRaised";
  /** BPMN escalation: a coordinator recorded a clinical concern or an emergency during a call. */
  public static final String ESCALATION_CLINICAL_HAND_OFF = "ClinicalHandOff";

  public static final String TASK_CALL_PATIENT = "Task_CallPatient";
  public static final String TASK_PATIENT_RETURNED_CALL = "Task_PatientReturnedCall";
  public static final String TASK_QUEUE_FOLLOW_UP_MESSAGE = "Task_QueueFollowUpMessage";
  public static final String TASK_QUEUE_FINAL_MESSAGE = "Task_QueueFinalMessage";
  public static final String TIMER_NEXT_ATTEMPT_DUE = "Timer_NextAttemptDue";
  public static final String TIMER_RESPONSE_WINDOW_ENDS = "Timer_ResponseWindowEnds";
  public static final String EVENT_PATIENT_CALLED_BACK = "Event_PatientCalledBack";
  /** Where the ladder waits between attempts: for the timer, or for the patient to call back. */
  public static final String GATEWAY_WAIT_FOR_NEXT_ATTEMPT = "Gateway_WaitForNextAttempt";
  public static final String END_EVENT_CALLBACK_CLOSED = "EndEvent_CallbackClosed";
  public static final String TASK_ADD_TO_CALL_SHEET = "Task_AddToCallSheet";
  public static final String TASK_REVIEW_LATE_CALLBACK = "Task_ReviewLateCallback";
  public static final String TASK_RESOLVE_CALLING_WINDOW = "Task_ResolveCallingWindow";
  public static final String TASK_FIND_ANOTHER_NUMBER = "Task_FindAnotherNumber";
  public static final String TASK_URGENT_CLINICAL_CALLBACK = "Task_UrgentClinicalCallback";
  public static final String TASK_CLINICAL_REVIEW = "Task_ClinicalReview";
  public static final String TIMER_URGENT_CALLBACK_NOT_TAKEN = "Timer_UrgentCallbackNotTaken";
  public static final String TIMER_CLINICAL_REVIEW_NOT_TAKEN = "Timer_ClinicalReviewNotTaken";
  /** Msg_RedFlagRaised is caught by the scheduling ladder (any flag) and by a Clinical review (emergencies only). */
  public static final String EVENT_EMERGENCY_DURING_REVIEW = "Event_EmergencyReportedDuringReview";
  public static final String TASK_UNACCEPTED_CLINICAL_HAND_OFF = "Task_UnacceptedClinicalHandOff";
  public static final String TASK_CLOSE_AS_HANDLED = "Task_CloseAsHandledByClinicalTeam";
  public static final String TASK_EXCEPTION_REVIEW = "Task_ExceptionReview";
  /** processes/new-callback-request.bpmn: the notice to whoever entered a request an open one took in. */
  public static final String TASK_ADDED_TO_OPEN_REQUEST = "Task_AddedToOpenRequest";

  /** The practice managers' reviews (processes/daily-callback-review.bpmn, weekly-callback-review.bpmn). */
  public static final String DAILY_REVIEW_PROCESS_KEY = "DailyCallbackReview";
  public static final String WEEKLY_REVIEW_PROCESS_KEY = "WeeklyCallbackReview";
  public static final String TASK_DAILY_REVIEW = "Task_DailyCallbackReview";
  public static final String TASK_WEEKLY_REVIEW = "Task_WeeklyCallbackReview";
  /** BPMN error: practice hours and the patient's calling window do not meet in the days ahead. */
  public static final String ERROR_NO_CALLING_WINDOW = "NoCallingWindow";

  /** Process variables: ids, routing facts and timer dates. Patient details live in the tables. */
  public static final class Vars {
    public static final String CALLBACK_REQUEST_ID = "callbackRequestId";
    public static final String CHANNEL = "channel";
    public static final String REASON = "reason";
    /** Result of the routing decision, replaced by the four variables below once applied. */
    public static final String ROUTING = "routing";
    public static final String QUEUE = "queue";
    public static final String PRIORITY = "priority";
    public static final String RESPONSE_WINDOW = "responseWindow";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String ATTEMPT_NUMBER = "attemptNumber";
    public static final String ATTEMPT_DUE_AT = "attemptDueAt";
    /** When the call task shows as due to work: the earliest time the patient may be called. */
    public static final String ATTEMPT_FOLLOW_UP_AT = "attemptFollowUpAt";
    public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    /** Filled by the call-attempt form. */
    public static final String ATTEMPT_OUTCOME = "attemptOutcome";
    public static final String RESOLUTION = "resolution";
    public static final String ATTEMPT_NOTES = "attemptNotes";
    /** Who completed the call task; set when it completes. */
    public static final String ATTEMPT_AGENT = "attemptAgent";
    /** Filled by the call-attempt form when the outcome is a clinical concern or an emergency. */
    public static final String PATIENT_WORDS = "patientWords";
    public static final String EMERGENCY_LINE_GIVEN = "emergencyLineGiven";
    public static final String SCHEDULING_STILL_NEEDED = "schedulingStillNeeded";
    /**
     * Ticked on the call-attempt form when the patient asked for it on the call; recorded on the
     * number's contact preferences, then removed from the process.
     */
    public static final String ASKED_NO_TEXTS = "askedNoTexts";
    public static final String ASKED_NO_VOICEMAIL = "askedNoVoicemail";
    public static final String ASKED_TEXT_ONLY = "askedTextOnly";
    public static final String ASKED_THIS_NUMBER_ONLY = "askedThisNumberOnly";
    public static final String ASKED_NOT_DURING_WORK_HOURS = "askedNotDuringWorkHours";
    /** Filled by the call-attempt form for the outcomes that need them (AttemptReport.Settled). */
    public static final String APPOINTMENT_AT = "appointmentAt";
    public static final String APPOINTMENT_WITH = "appointmentWith";
    public static final String ROUTED_TO = "routedTo";
    public static final String CALL_BACK_AT = "callBackAt";
    public static final String SPOKE_WITH = "spokeWith";
    /** Filled by the call-attempt form when we learn who an unknown caller is, or a better number for the patient. */
    public static final String CALLER_NAME = "callerName";
    public static final String BETTER_NUMBER = "betterNumber";
    /** Filled by the call-attempt form when the call is made while the patient's window or the practice is closed. */
    public static final String OUTSIDE_WINDOW_REASON = "outsideWindowReason";
    public static final List<String> SETTLED = List.of(APPOINTMENT_AT, APPOINTMENT_WITH, ROUTED_TO, CALL_BACK_AT, SPOKE_WITH,
        OUTSIDE_WINDOW_REASON, CALLER_NAME, BETTER_NUMBER);
    /**
     * What the ladder does after a call, from the table CallOutcome (processes/call-outcome.dmn):
     * CLOSE, ROUTE, CALL_AT_CHOSEN_TIME, NEXT_ATTEMPT_WITH_MESSAGE, NEXT_ATTEMPT, LAST_ATTEMPT_MADE,
     * CLINICAL_HAND_OFF or FIND_ANOTHER_NUMBER.
     */
    public static final String NEXT_STEP = "nextStep";
    public static final List<String> PATIENT_ASKED = List.of(ASKED_NO_TEXTS, ASKED_NO_VOICEMAIL, ASKED_TEXT_ONLY,
        ASKED_THIS_NUMBER_ONLY, ASKED_NOT_DURING_WORK_HOURS);

    /**
     * NONE while no text of the request was flagged; else the level (CLINICAL or EMERGENCY) of the
     * latest flag raised, which decides the kind of clinical task.
     */
    public static final String SCREENING = "screening";
    /** Where the next clinical hand-off comes from: LATER_MESSAGE or CALL; unset at intake. */
    public static final String HAND_OFF_RAISED_BY = "handOffRaisedBy";
    /** The open hand-off's row, window and the timer cycle that escalates it while nobody takes it. */
    public static final String HAND_OFF_ID = "handOffId";
    public static final String HAND_OFF_DUE_AT = "handOffDueAt";
    public static final String HAND_OFF_FOLLOW_UP_AT = "handOffFollowUpAt";
    public static final String HAND_OFF_ESCALATION_CYCLE = "handOffEscalationCycle";
    public static final String ESCALATION_GROUP = "escalationGroup";
    /** What the escalation timer found: TELL_MANAGER, MANAGER_ALREADY_TOLD or TAKEN. */
    public static final String HAND_OFF_ESCALATION = "handOffEscalation";
    /** Filled by the clinical-handoff form: HANDLED or CONTINUE_SCHEDULING, and a note for the coordinators. */
    public static final String CLINICAL_OUTCOME = "clinicalOutcome";
    public static final String CLINICAL_NOTE = "clinicalNote";
    /** Filled by the unaccepted-handoff form. */
    public static final String MANAGER_ACTION = "managerAction";
    public static final String MANAGER_NOTE = "managerNote";
    /** Filled by the exception-review form. */
    public static final String EXCEPTION_DECISION = "exceptionDecision";
    public static final String EXCEPTION_DETAIL = "exceptionDetail";
    public static final String EXCEPTION_CLOSURE_REASON = "exceptionClosureReason";
    /** A review's row, the sheet its form shows, and the actions the manager recorded. */
    public static final String REVIEW_ID = "reviewId";
    public static final String REVIEW_SHEET = "reviewSheet";
    public static final String REVIEW_ACTIONS = "reviewActions";
    /**
     * Filled by the managers' correction forms ("Resolve calling window", "Find another number"):
     * SCHEDULE_AGAIN, SCHEDULE_AT (with callBackAt) or CLOSE, and the corrected number or time zone.
     */
    public static final String CORRECTION_DECISION = "correctionDecision";
    public static final String CORRECTED_PHONE = "correctedPhone";
    public static final String CORRECTED_TIME_ZONE = "correctedTimeZone";
    /**
     * Filled by the late-callback form: CALLING_NOW, HAND_TO (with handTo, a colleague in the call's
     * queue), CALL_AT (with lateCallAt) or CLOSE (with a reason and a note).
     */
    public static final String LATE_DECISION = "lateDecision";
    public static final String HAND_TO = "handTo";
    /** The late review's chosen time for the open call (not the call form's callBackAt, which the ladder reads). */
    public static final String LATE_CALL_AT = "lateCallAt";
    public static final String LATE_CLOSURE_REASON = "lateClosureReason";
    public static final String LATE_NOTE = "lateNote";
    /** Set when a person (clinician, exception review) decided how the request closes. */
    public static final String CLOSURE_REASON = "closureReason";

    private Vars() {}
  }

  private static final Set<String> CALL_ANSWERS = Stream.concat(Stream.of(Vars.ATTEMPT_OUTCOME, Vars.RESOLUTION,
      Vars.ATTEMPT_NOTES, Vars.PATIENT_WORDS, Vars.EMERGENCY_LINE_GIVEN, Vars.SCHEDULING_STILL_NEEDED),
      Stream.concat(Vars.PATIENT_ASKED.stream(), Vars.SETTLED.stream())).collect(Collectors.toUnmodifiableSet());
  private static final Set<String> CORRECTION_ANSWERS = Set.of(Vars.CORRECTION_DECISION, Vars.CORRECTED_PHONE,
      Vars.CORRECTED_TIME_ZONE, Vars.CALL_BACK_AT);
  private static final Set<String> CLINICAL_ANSWERS = Set.of(Vars.CLINICAL_OUTCOME, Vars.CLINICAL_NOTE);

  /**
   * What people answer in the form of each task of the ladder, by task id: the only variables its
   * completion may carry. A field added to a task's form is added here (a test compares them).
   */
  public static final Map<String, Set<String>> FORM_ANSWERS = Map.ofEntries(
      Map.entry(TASK_CALL_PATIENT, CALL_ANSWERS),
      Map.entry(TASK_PATIENT_RETURNED_CALL, CALL_ANSWERS),
      Map.entry(TASK_REVIEW_LATE_CALLBACK, Set.of(Vars.LATE_DECISION, Vars.HAND_TO, Vars.LATE_CALL_AT, Vars.CORRECTED_PHONE,
          Vars.CORRECTED_TIME_ZONE, Vars.LATE_CLOSURE_REASON, Vars.LATE_NOTE)),
      Map.entry(TASK_RESOLVE_CALLING_WINDOW, CORRECTION_ANSWERS),
      Map.entry(TASK_FIND_ANOTHER_NUMBER, CORRECTION_ANSWERS),
      Map.entry(TASK_URGENT_CLINICAL_CALLBACK, CLINICAL_ANSWERS),
      Map.entry(TASK_CLINICAL_REVIEW, CLINICAL_ANSWERS),
      Map.entry(TASK_UNACCEPTED_CLINICAL_HAND_OFF, Set.of(Vars.MANAGER_ACTION, Vars.MANAGER_NOTE)),
      Map.entry(TASK_EXCEPTION_REVIEW, Set.of(Vars.EXCEPTION_DECISION, Vars.EXCEPTION_DETAIL, Vars.EXCEPTION_CLOSURE_REASON)),
      Map.entry(TASK_DAILY_REVIEW, Set.of(Vars.REVIEW_ACTIONS)),
      Map.entry(TASK_ADDED_TO_OPEN_REQUEST, Set.of()),
      Map.entry(TASK_WEEKLY_REVIEW, Set.of(Vars.REVIEW_ACTIONS)));

  /**
   * The answers people write in their own words. They never reach Camunda's history (they are in
   * {@code callback.privacy.patient-data-variables}, a test checks); every other answer is a choice
   * or a tick.
   */
  public static final Set<String> WRITTEN_ANSWERS =
      Set.of(Vars.ATTEMPT_NOTES, Vars.PATIENT_WORDS, Vars.CLINICAL_NOTE, Vars.MANAGER_NOTE, Vars.EXCEPTION_DETAIL,
          Vars.REVIEW_ACTIONS, Vars.APPOINTMENT_WITH, Vars.LATE_NOTE, Vars.CALLER_NAME);

  /**
   * The answers that are neither a choice nor written words: a date and time, a queue, a number, a
   * time zone. Their task's listener checks each against its format or the configuration before the
   * completion stores anything, so what is not refused is no free text.
   */
  public static final Set<String> CHECKED_ANSWERS = Set.of(Vars.APPOINTMENT_AT, Vars.CALL_BACK_AT, Vars.ROUTED_TO,
      Vars.CORRECTED_PHONE, Vars.CORRECTED_TIME_ZONE, Vars.HAND_TO, Vars.BETTER_NUMBER, Vars.LATE_CALL_AT);

  /** The clinical team's tasks: worked and decided by licensed staff only. */
  public static final Set<String> CLINICAL_TASKS = Set.of(TASK_URGENT_CLINICAL_CALLBACK, TASK_CLINICAL_REVIEW);

  /** Fields of the new-callback start form ("New callback request"). Removed once the request is stored. */
  public static final class StartForm {
    public static final String PATIENT_NAME = "patientName";
    public static final String PATIENT_PHONE = "patientPhone";
    public static final String PATIENT_MESSAGE = "patientMessage";
    public static final String PREFERRED_TIMES = "preferredTimes";
    public static final String PATIENT_EMAIL = "patientEmail";
    public static final String PATIENT_LANGUAGE = "patientLanguage";
    public static final String PATIENT_TIME_ZONE = "patientTimeZone";
    public static final String PATIENT_DATE_OF_BIRTH = "patientDateOfBirth";
    /** YES, NO, or not chosen (the patient was not asked). */
    public static final String CONSENT_TEXT = "consentText";
    public static final String CONSENT_VOICEMAIL = "consentVoicemail";
    public static final String CONSENT_EMAIL = "consentEmail";
    public static final String REFERRING_PRACTICE = "referringPractice";
    public static final String REFERRING_CONTACT = "referringContact";
    public static final String RECORDS_RECEIVED = "recordsReceived";

    /** What the form asks about the patient and their request: handed to intake, then removed from the process. */
    public static final List<String> ANSWERS = List.of(PATIENT_NAME, PATIENT_PHONE, PATIENT_MESSAGE, PREFERRED_TIMES,
        PATIENT_EMAIL, PATIENT_LANGUAGE, PATIENT_TIME_ZONE, PATIENT_DATE_OF_BIRTH, CONSENT_TEXT, CONSENT_VOICEMAIL, CONSENT_EMAIL,
        REFERRING_PRACTICE, REFERRING_CONTACT, RECORDS_RECEIVED);

    /** Everything the start form asks: the only variables a person's start may carry (a test compares them). */
    public static final Set<String> FIELDS =
        Stream.concat(ANSWERS.stream(), Stream.of(Vars.CHANNEL, Vars.REASON)).collect(Collectors.toUnmodifiableSet());

    private StartForm() {}
  }

  /**
   * Task-local: the line Tasklist's filters show under a call in the list (reason, attempt, the
   * patient's day, markers); never a name or a number.
   */
  public static final String WORKLIST_LINE = "worklistLine";

  /** Fields of a task's sheet (org.callbackladder.TaskSheet), which its form shows; it lives and dies with the task. */
  public static final class CallSheet {
    public static final String PATIENT_NAME = "patientName";
    public static final String PATIENT_PHONE = "patientPhone";
    public static final String REASON_LABEL = "reasonLabel";
    public static final String ATTEMPT_LABEL = "attemptLabel";
    public static final String PATIENT_MESSAGE = "patientMessage";
    public static final String PREFERRED_TIMES = "preferredTimes";
    public static final String ATTEMPT_HISTORY = "attemptHistory";
    public static final String CALL_SCRIPT = "callScript";
    public static final String PATIENT_TIME = "patientTime";
    /** A returned call's or a last attempt's own heading; none for an ordinary attempt. */
    public static final String HEADING = "heading";
    /** Channel and time the request came in, and how many messages followed. */
    public static final String ARRIVED = "arrived";
    /** For identity checks on the call. */
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String EMAIL = "email";
    /** "NEEDS A SPANISH SPEAKER ..." for a patient who prefers another language than the practice's. */
    public static final String LANGUAGE_CUE = "languageCue";
    /** When the patient may still be called today, in practice time and theirs. */
    public static final String TODAY = "today";
    /** For each outcome, what the ladder does next (from the table CallOutcome). */
    public static final String WHAT_HAPPENS_NEXT = "whatHappensNext";
    /** Before dialling: which voicemail may be left, and which text goes out if nobody answers (or why none). */
    public static final String CONTACT_PLAN = "contactPlan";
    /** The clinical team's note when it handed the request back to scheduling. */
    public static final String CLINICAL_TEAM_NOTE = "clinicalTeamNote";
    /** Referral details, with a warning when the referring office's records are missing. */
    public static final String REFERRAL_NOTE = "referralNote";
    /** Clinical tasks: the screening rule that matched and its note, and why the hand-off was raised. */
    public static final String MATCHED_RULE = "matchedRule";
    public static final String HAND_OFF_REASON = "handOffReason";
    /** Clinical tasks: the red-flag and emergency lines, and the after-hours line outside practice hours. */
    public static final String SAFETY_LINES = "safetyLines";
    /** Unaccepted clinical hand-off: which task, raised and due when, how often escalated. */
    public static final String HAND_OFF_SUMMARY = "handOffSummary";
    /** True on the sheet of a caller we know only by number: the form asks for their name. */
    public static final String UNKNOWN_CALLER = "unknownCaller";
    /** A manager's correction task: why the ladder cannot call the patient as their details stand. */
    public static final String WHY_HERE = "whyHere";
    /** Exception review: why the request may not close as unreachable. */
    public static final String EXCEPTION_REASON = "exceptionReason";

    private CallSheet() {}
  }

  /** The callback request an execution or task works on. */
  public static UUID requestId(VariableScope scope) {
    return UUID.fromString((String) scope.getVariable(Vars.CALLBACK_REQUEST_ID));
  }

  /** Who is completing a task: its assignee, else the signed-in person completing it unclaimed. */
  public static String worker(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null && current.getUserId() != null ? current.getUserId() : "unassigned";
  }

  public static long handOffId(VariableScope scope) {
    return ((Number) scope.getVariable(Vars.HAND_OFF_ID)).longValue();
  }

  public static int attemptNumber(VariableScope scope) {
    return (Integer) scope.getVariable(Vars.ATTEMPT_NUMBER);
  }

  private CallbackProcess() {}
}
