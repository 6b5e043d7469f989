package org.callbackladder.intake;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.callbackladder.CallbackProcess.StartForm;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.access.RequestReaders;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.practice.RoutingProperties;
import org.callbackladder.request.CallbackRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * BPMN "New callback request": "Hand in request" (Task_HandInRequest), after a coordinator's "Start
 * process" in Tasklist. Intake applies the API's rules and merging and starts the ladder itself; a
 * broken rule refuses the form and stores nothing. The patient's details leave this process. When
 * the patient's open request took the entry in, the person who entered it is told so (a notice task)
 * if they may read that request; nobody else learns that it exists.
 */
@Component("handInRequest")
public class HandInRequestDelegate implements JavaDelegate {

  /** The notice for whoever entered a request the patient's open one took in (a process variable, no patient data). */
  public static final String HAND_IN_NOTE = "handInNote";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.US);

  private final IntakeService intake;
  private final RequestReaders readers;
  private final PracticeProperties practice;
  private final RoutingProperties routing;

  public HandInRequestDelegate(IntakeService intake, RequestReaders readers, PracticeProperties practice,
      RoutingProperties routing) {
    this.intake = intake;
    this.readers = readers;
    this.practice = practice;
    this.routing = routing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String practice = text(execution, StartForm.REFERRING_PRACTICE);
    IntakeResult result = intake.enter(
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
    Authentication enteredBy = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (result.merged() && enteredBy != null && enteredBy.getGroupIds() != null
        && readers.mayRead(enteredBy.getUserId(), enteredBy.getGroupIds(), result.request())) {
      // who may read it is told where their entry went; nobody else learns that the request exists
      execution.setVariable(HAND_IN_NOTE, note(result.request()));
    }
  }

  /** The open request that took the entry in: its reason, queue and age, never the patient's details. */
  private String note(CallbackRequest request) {
    return request.getReason().label() + " request, open since "
        + WHEN.format(request.getReceivedAt().atZone(practice.timeZone())) + ", queue: "
        + routing.routeTo().getOrDefault(request.getQueue(), String.valueOf(request.getQueue())) + "."
        + " Your entry is on its call sheet with the time you entered it.";
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
