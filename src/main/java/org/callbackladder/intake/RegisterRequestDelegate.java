package org.callbackladder.intake;

import static org.callbackladder.CallbackProcess.StartForm.PATIENT_MESSAGE;
import static org.callbackladder.CallbackProcess.StartForm.PATIENT_NAME;
import static org.callbackladder.CallbackProcess.StartForm.PATIENT_PHONE;
import static org.callbackladder.CallbackProcess.StartForm.PREFERRED_TIMES;

import java.util.List;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.request.CallbackRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Register request" (Task_RegisterRequest), after a coordinator's "Start process" in
 * Tasklist. Applies the same rules as the API; a broken rule fails the start and stores nothing.
 * The form's patient details move into the request record and leave the process.
 */
@Component("registerRequest")
public class RegisterRequestDelegate implements JavaDelegate {

  private final IntakeService intake;

  public RegisterRequestDelegate(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CallbackRequest request =
        intake.register(
            new NewCallbackRequest(
                text(execution, Vars.CHANNEL),
                text(execution, Vars.REASON),
                new NewCallbackRequest.Patient(text(execution, PATIENT_NAME), text(execution, PATIENT_PHONE)),
                text(execution, PATIENT_MESSAGE),
                text(execution, PREFERRED_TIMES),
                null));
    request.ladderStarted(execution.getProcessInstanceId());
    execution.setProcessBusinessKey(request.getId().toString());
    execution.removeVariables(List.of(PATIENT_NAME, PATIENT_PHONE, PATIENT_MESSAGE, PREFERRED_TIMES));
    execution.setVariables(IntakeService.ladderVariables(request));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
