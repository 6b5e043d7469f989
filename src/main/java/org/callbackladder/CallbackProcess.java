package org.callbackladder;

import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

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

  public static final String TASK_CALL_PATIENT = "Task_CallPatient";
  public static final String TASK_PATIENT_RETURNED_CALL = "Task_PatientReturnedCall";
  public static final String TASK_QUEUE_FOLLOW_UP_MESSAGE = "Task_QueueFollowUpMessage";
  public static final String TASK_QUEUE_FINAL_MESSAGE = "Task_QueueFinalMessage";
  public static final String TIMER_NEXT_ATTEMPT_DUE = "Timer_NextAttemptDue";
  public static final String EVENT_PATIENT_CALLED_BACK = "Event_PatientCalledBack";
  /** Where the ladder waits between attempts: for the timer, or for the patient to call back. */
  public static final String GATEWAY_WAIT_FOR_NEXT_ATTEMPT = "Gateway_WaitForNextAttempt";
  public static final String END_EVENT_CALLBACK_CLOSED = "EndEvent_CallbackClosed";
  public static final String TASK_ADD_TO_CALL_SHEET = "Task_AddToCallSheet";
  public static final String TASK_REVIEW_LATE_CALLBACK = "Task_ReviewLateCallback";
  public static final String TASK_RESOLVE_CALLING_WINDOW = "Task_ResolveCallingWindow";
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

    private Vars() {}
  }

  /**
   * What people answer in the forms of the ladder's tasks: the only variables a completion may carry.
   * A field added to a task's form is added here (a test compares them).
   */
  public static final Set<String> FORM_ANSWERS = Set.of(
      Vars.ATTEMPT_OUTCOME, Vars.RESOLUTION, Vars.ATTEMPT_NOTES, "lateCallbackHandled", "callingWindowDecision");

  /** Fields of the new-callback start form ("New callback request"). Removed once the request is stored. */
  public static final class StartForm {
    public static final String PATIENT_NAME = "patientName";
    public static final String PATIENT_PHONE = "patientPhone";
    public static final String PATIENT_MESSAGE = "patientMessage";
    public static final String PREFERRED_TIMES = "preferredTimes";

    /** Everything the start form asks: the only variables a person's start may carry (a test compares them). */
    public static final Set<String> FIELDS =
        Set.of(PATIENT_NAME, PATIENT_PHONE, PATIENT_MESSAGE, PREFERRED_TIMES, Vars.CHANNEL, Vars.REASON);

    private StartForm() {}
  }

  /** Task-local variables the call-attempt form shows; they live and die with the task. */
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

    private CallSheet() {}
  }

  /** The callback request an execution or task works on. */
  public static UUID requestId(VariableScope scope) {
    return UUID.fromString((String) scope.getVariable(Vars.CALLBACK_REQUEST_ID));
  }

  public static int attemptNumber(VariableScope scope) {
    return (Integer) scope.getVariable(Vars.ATTEMPT_NUMBER);
  }

  private CallbackProcess() {}
}
