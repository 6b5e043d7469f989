package org.callbackladder.intake;


import org.callbackladder.CallbackProcess.StartForm;
import org.callbackladder.CallbackProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "New callback request": "Hand in request" (Task_HandInRequest), after a coordinator's "Start
 * process" in Tasklist. Intake applies the API's rules and merging and starts the ladder itself; a
 * broken rule refuses the form and stores nothing. The patient's details leave this process, and
 * nothing tells the person who entered it where the request went.
 */
@Component("handInRequest")
public class HandInRequestDelegate implements JavaDelegate {

  private final IntakeService intake;

  public HandInRequestDelegate(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String practice = text(execution, StartForm.REFERRING_PRACTICE);
    intake.enter(
        new NewCallbackRequest(
            text(execution, Vars.CHANNEL),
            text(execution, Vars.REASON),
            new NewCallbackRequest.Patient(text(execution, StartForm.PATIENT_NAME), text(execution, StartForm.PATIENT_PHONE),
                text(execution, StartForm.PATIENT_EMAIL), text(execution, StartForm.PATIENT_LANGUAGE),
                text(execution, StartForm.PATIENT_DATE_OF_BIRTH), text(execution, StartForm.PATIENT_TIME_ZONE)),
            text(execution, StartForm.PATIENT_MESSAGE),
            text(execution, StartForm.PREFERRED_TIMES),
            null,
            practice == null ? null : new NewCallbackRequest.Referral(practice, text(execution, StartForm.REFERRING_CONTACT),
                Boolean.TRUE.equals(execution.getVariable(StartForm.RECORDS_RECEIVED))),
            new NewCallbackRequest.Consent(answer(execution, StartForm.CONSENT_TEXT),
                answer(execution, StartForm.CONSENT_VOICEMAIL), answer(execution, StartForm.CONSENT_EMAIL)),
            null));
    // nothing about the request stays on this process: whoever entered it may not be able to read it
    // (a patient with an open request in another queue), and the request's id would tell them it exists
    execution.removeVariables(StartForm.ANSWERS);
  }

  /** A text field's value; an empty one is not given. */
  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** A yes/no question: null when the patient was not asked. */
  private static Boolean answer(DelegateExecution execution, String name) {
    String value = text(execution, name);
    return value == null ? null : "YES".equals(value);
  }
}
