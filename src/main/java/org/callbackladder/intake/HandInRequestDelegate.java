package org.callbackladder.intake;

import static org.callbackladder.CallbackProcess.StartForm.PATIENT_MESSAGE;
import static org.callbackladder.CallbackProcess.StartForm.PATIENT_NAME;
import static org.callbackladder.CallbackProcess.StartForm.PATIENT_PHONE;
import static org.callbackladder.CallbackProcess.StartForm.PREFERRED_TIMES;

import java.util.List;
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
    intake.enter(
        new NewCallbackRequest(
            text(execution, Vars.CHANNEL),
            text(execution, Vars.REASON),
            new NewCallbackRequest.Patient(text(execution, PATIENT_NAME), text(execution, PATIENT_PHONE)),
            text(execution, PATIENT_MESSAGE),
            text(execution, PREFERRED_TIMES),
            null));
    // nothing about the request stays on this process: whoever entered it may not be able to read it
    // (a patient with an open request in another queue), and the request's id would tell them it exists
    execution.removeVariables(List.of(PATIENT_NAME, PATIENT_PHONE, PATIENT_MESSAGE, PREFERRED_TIMES));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
