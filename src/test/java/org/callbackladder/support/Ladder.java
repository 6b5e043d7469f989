package org.callbackladder.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Drives one callback request through its ladder the way staff and the job executor would. */
public final class Ladder {

  public static NewCallbackRequest request(String channel, String reason, String name, String phone) {
    // the form's consent boxes ticked: texts and voicemails allowed, email not asked
    return new NewCallbackRequest(channel, reason, new NewCallbackRequest.Patient(name, phone), "Would like a visit next week",
        "any weekday", null, null, new NewCallbackRequest.Consent(true, true, null), null);
  }

  public static ProcessInstance start(IntakeService intake, ProcessEngine engine, NewCallbackRequest input) {
    CallbackRequest request = intake.receive(input).request();
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(request.getProcessInstanceId())
        .singleResult();
  }

  /** A coordinator claims the open call task and records the outcome. */
  public static void call(ProcessEngine engine, ProcessInstance ladder, String outcome, String resolution) {
    Task call = task(CallbackProcess.TASK_CALL_PATIENT, ladder);
    engine.getTaskService().claim(call.getId(), "coordinator");
    Map<String, Object> answers = answers(outcome, resolution);
    answers.put(Vars.ATTEMPT_NOTES, "notes of " + outcome);
    complete(call, answers);
  }

  /** An appointment booked on the calls of these tests: ahead of every test clock (practice time). */
  public static final String APPOINTMENT = "2040-01-10T10:30";

  /**
   * What a coordinator records for an outcome and resolution, with the fields the resolution needs:
   * a booking's appointment, a route's queue (the referral coordinators).
   */
  public static Map<String, Object> answers(String outcome, String resolution) {
    Map<String, Object> answers = new HashMap<>(withVariables(Vars.ATTEMPT_OUTCOME, outcome));
    if (resolution != null) {
      answers.put(Vars.RESOLUTION, resolution);
    }
    if ("BOOKED".equals(resolution)) {
      answers.put(Vars.APPOINTMENT_AT, APPOINTMENT);
    }
    if ("ROUTED".equals(resolution)) {
      answers.put(Vars.ROUTED_TO, "referral-coordinators");
    }
    return answers;
  }

  /** After an unanswered attempt with attempts left: queue the follow-up, then let the wait run out. */
  public static void waitForNextAttempt(ProcessInstance ladder) {
    execute(job(CallbackProcess.TASK_QUEUE_FOLLOW_UP_MESSAGE, ladder));
    execute(job(CallbackProcess.TIMER_NEXT_ATTEMPT_DUE, ladder));
  }

  private Ladder() {}
}
