package org.callbackladder.intake;

import static org.callbackladder.CallbackProcess.TASK_ADD_TO_CALL_SHEET;
import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.TASK_PATIENT_RETURNED_CALL;
import static org.callbackladder.CallbackProcess.TIMER_NEXT_ATTEMPT_DUE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.callbackladder.CallbackProcess.CallSheet;
import org.callbackladder.CallbackProcess.StartForm;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.CallbackProcess;
import org.callbackladder.TaskSheet;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Concurrently;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A patient's repeated signals while a request is open become one request, not several. */
@CallbackLadderTest
class OneRequestPerNeedTest {

  @Autowired IntakeService intake;
  @Autowired ProcessEngine engine;
  @Autowired CallbackSignalRepository signals;
  @Autowired TestClock clock;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void aWebFormAfterAVoicemailJoinsTheOpenRequestAndShowsOnTheCallSheet() {
    String phone = Phones.next();
    IntakeResult voicemail = intake.receive(new NewCallbackRequest("VOICEMAIL", "APPOINTMENT_REQUEST",
        new NewCallbackRequest.Patient("Sam Okafor", phone), "Hi, I need to book a physical", null, null));
    clock.advance(java.time.Duration.ofMinutes(40));

    IntakeResult webForm = intake.receive(new NewCallbackRequest("WEB_FORM", "REFERRAL_QUESTION",
        new NewCallbackRequest.Patient("Sam Okafor", Phones.dialled(phone)), "Did you get my referral from Dr. Lee?",
        "after 4pm", null));

    Assertions.assertThat(voicemail.merged()).isFalse();
    Assertions.assertThat(webForm.merged()).isTrue();
    Assertions.assertThat(webForm.request().getId()).isEqualTo(voicemail.request().getId());
    Assertions.assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(voicemail.request().getId()))
        .extracting(CallbackSignal::getOutcome)
        .containsExactly(CallbackSignal.Outcome.CREATED, CallbackSignal.Outcome.MERGED);
    ProcessInstance ladder = ladderOf(voicemail);
    assertThat(ladder).hasPassed(TASK_ADD_TO_CALL_SHEET).isWaitingAt(TASK_CALL_PATIENT);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CallbackProcess.PROCESS_KEY).processInstanceBusinessKey(voicemail.request().getId().toString())
        .count()).isEqualTo(1);
    Map<String, Object> sheet = TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId());
    Assertions.assertThat(sheet.get(CallSheet.REASON_LABEL)).isEqualTo("Appointment request + Referral question");
    Assertions.assertThat((String) sheet.get(CallSheet.PATIENT_MESSAGE))
        .contains("Voicemail, Tue 1 Dec 09:00: Hi, I need to book a physical")
        .contains("Web form, Tue 1 Dec 09:40: Did you get my referral from Dr. Lee?");
    Assertions.assertThat(sheet).containsEntry(CallSheet.PREFERRED_TIMES, "after 4pm");
  }

  @Test
  void aSignalBetweenAttemptsIsOnTheNextCallSheet() {
    String phone = Phones.next();
    ProcessInstance ladder = waitingAfterAnUnansweredCall(Ladder.request("MISSED_CALL", "GENERAL", "Ren Alvarez", phone), "NO_ANSWER");

    IntakeResult portal = intake.receive(new NewCallbackRequest("PORTAL_MESSAGE", "GENERAL",
        new NewCallbackRequest.Patient("Ren Alvarez", phone), "Sorry I missed you, try after lunch", null, null));
    BpmnAwareTests.execute(BpmnAwareTests.job(TIMER_NEXT_ATTEMPT_DUE, ladder));

    Assertions.assertThat(portal.merged()).isTrue();
    Assertions.assertThat((String) TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId()).get(CallSheet.PATIENT_MESSAGE))
        .contains("Portal message", "Sorry I missed you, try after lunch");
  }

  @Test
  void aReturnCallWhileTheLadderWaitsPutsAnImmediateTaskInTheQueue() {
    String phone = Phones.next();
    ProcessInstance ladder = waitingAfterAnUnansweredCall(
        Ladder.request("WEB_FORM", "APPOINTMENT_REQUEST", "Jo Tanaka", phone), "VOICEMAIL_LEFT");

    IntakeResult callBack = intake.receive(returnCall("APPOINTMENT_REQUEST", "Jo Tanaka", phone));

    Assertions.assertThat(callBack.merged()).isTrue();
    assertThat(ladder).isWaitingAt(TASK_PATIENT_RETURNED_CALL).hasNotPassed(TIMER_NEXT_ATTEMPT_DUE);
    Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(ladder.getId()).count()).isZero();
    var returned = task(TASK_PATIENT_RETURNED_CALL, ladder);
    assertThat(returned).hasCandidateGroup("callback-coordinators");
    Assertions.assertThat(returned.getPriority()).isEqualTo(100);
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), returned.getId()))
        .containsEntry(CallSheet.ATTEMPT_LABEL, "Returned call (attempt 2 of 3)")
        .containsEntry(CallSheet.HEADING, "The patient called back: take or return their call now. It counts as attempt 2 of 3.")
        .containsEntry(CallSheet.PATIENT_NAME, "Jo Tanaka");

    engine.getTaskService().claim(returned.getId(), "coordinator");
    engine.getTaskService().complete(returned.getId(), Ladder.answers("REACHED", "BOOKED"));

    assertThat(ladder).isEnded().hasPassed(TASK_PATIENT_RETURNED_CALL, "Task_DocumentAttempt", "Task_CloseRequest");
  }

  @Test
  void aReturnCallWhileACallIsOpenJoinsTheCallSheet() {
    String phone = Phones.next();
    IntakeResult first = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Mo Silva", phone));

    intake.receive(returnCall("GENERAL", "Mo Silva", phone));

    ProcessInstance ladder = ladderOf(first);
    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT).hasPassed(TASK_ADD_TO_CALL_SHEET);
  }

  @Test
  void afterClosureTheNextSignalOpensANewRequest() {
    String phone = Phones.next();
    IntakeResult first = intake.receive(Ladder.request("WEB_FORM", "APPOINTMENT_CHANGE", "Ira Chen", phone));
    Ladder.call(engine, ladderOf(first), "REACHED", "BOOKED");

    IntakeResult next = intake.receive(Ladder.request("WEB_FORM", "APPOINTMENT_CHANGE", "Ira Chen", phone));

    Assertions.assertThat(next.merged()).isFalse();
    Assertions.assertThat(next.request().getId()).isNotEqualTo(first.request().getId());
  }

  @Test
  void theSameEventIdTwiceIsOneSignal() {
    String phone = Phones.next();
    intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Noa Berg", phone));
    NewCallbackRequest followUp = Ladder.request("PORTAL_MESSAGE", "GENERAL", "Noa Berg", phone);

    IntakeResult once = intake.receive(followUp, "portal-event-81");
    IntakeResult twice = intake.receive(followUp, "portal-event-81");

    Assertions.assertThat(once.merged()).isTrue();
    Assertions.assertThat(once.replayed()).isFalse();
    Assertions.assertThat(twice.merged()).isTrue();
    Assertions.assertThat(twice.replayed()).isTrue();
    Assertions.assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(once.request().getId())).hasSize(2);
  }

  @Test
  void aRequestEnteredInTasklistJoinsThePatientsOpenRequest() {
    String phone = Phones.next();
    IntakeResult first = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Kai Moreno", phone));
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallbackProcess.NEW_REQUEST_PROCESS_KEY).latestVersion().singleResult().getId();

    ProcessInstance entry = engine.getFormService().submitStartForm(definitionId, Map.of(
        StartForm.PATIENT_NAME, "Kai Moreno", StartForm.PATIENT_PHONE, phone,
        Vars.REASON, "GENERAL", Vars.CHANNEL, "MANUAL"));

    Assertions.assertThat(entry.getBusinessKey()).as("the entry does not say where the request went").isNull();
    Assertions.assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(first.request().getId())).hasSize(2);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(first.request().getId().toString()).count()).isEqualTo(1);
  }

  /** Eight signals for one number at the same moment: one request, one ladder, eight signals. */
  @Test
  void simultaneousSignalsForOneNumberOpenOneRequest() throws Exception {
    String phone = Phones.next();
    int senders = 8;
    List<IntakeResult> done = Concurrently.run(senders, i -> () ->
        intake.receive(Ladder.request(i % 2 == 0 ? "MISSED_CALL" : "VOICEMAIL", "GENERAL", "Lou Park", phone)));

    Assertions.assertThat(done).extracting(r -> r.request().getId()).containsOnly(done.get(0).request().getId());
    Assertions.assertThat(done).filteredOn(r -> !r.merged()).hasSize(1);
    Assertions.assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(done.get(0).request().getId()))
        .hasSize(senders);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(done.get(0).request().getId().toString()).count()).isEqualTo(1);
  }

  /** A request whose first call went unanswered: its ladder now waits for the next attempt. */
  private ProcessInstance waitingAfterAnUnansweredCall(NewCallbackRequest request, String outcome) {
    ProcessInstance ladder = ladderOf(intake.receive(request));
    Ladder.call(engine, ladder, outcome, null);
    BpmnAwareTests.execute(BpmnAwareTests.job(CallbackProcess.TASK_QUEUE_FOLLOW_UP_MESSAGE, ladder));
    assertThat(ladder).isWaitingAt(CallbackProcess.GATEWAY_WAIT_FOR_NEXT_ATTEMPT);
    return ladder;
  }

  /** An answered call from the patient's number. */
  private static NewCallbackRequest returnCall(String reason, String name, String phone) {
    return new NewCallbackRequest("MISSED_CALL", reason, new NewCallbackRequest.Patient(name, phone),
        null, null, null, null, null, true);
  }

  private ProcessInstance ladderOf(IntakeResult result) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(result.request().getProcessInstanceId()).singleResult();
  }

  /** A walk-in for a patient with an open request joins it; whoever entered it and may read it is told so. */
  @Test
  void aWalkInIsAddedToThePatientsOpenRequestAndTheCoordinatorIsTold() {
    String phone = Phones.next();
    CallbackRequest open = intake.receive(Ladder.request("VOICEMAIL", "GENERAL", "Wally Walkin", phone)).request();

    ProcessInstance entered = enterByHand("coordinator", "callback-coordinators", phone);

    org.camunda.bpm.engine.task.Task notice = engine.getTaskService().createTaskQuery().processInstanceId(entered.getId())
        .singleResult();
    Assertions.assertThat(notice.getTaskDefinitionKey()).isEqualTo(CallbackProcess.TASK_ADDED_TO_OPEN_REQUEST);
    Assertions.assertThat(notice.getAssignee()).isEqualTo("coordinator");
    Assertions.assertThat((String) engine.getTaskService().getVariable(notice.getId(), "handInNote"))
        .startsWith("General request, open since").contains("queue: Callback coordinators").doesNotContain("Wally");
    Assertions.assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(open.getId())).hasSize(2);
    // Tasklist lists it: "Assigned to me"
    engine.getIdentityService().setAuthentication("coordinator", List.of("callback-coordinators"));
    try {
      String assignedToMe = engine.getFilterService().createFilterQuery().filterName("Assigned to me").singleResult().getId();
      Assertions.assertThat(engine.getFilterService().list(assignedToMe)).extracting("id").contains(notice.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    // a referral coordinator may not read a callback coordinators' request: joined all the same, told nothing
    ProcessInstance unseen = enterByHand("referrals", "referral-coordinators", phone);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(unseen.getId()).count())
        .isZero();
    Assertions.assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(open.getId())).hasSize(3);
  }

  private ProcessInstance enterByHand(String user, String group, String phone) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallbackProcess.NEW_REQUEST_PROCESS_KEY).latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getFormService().submitStartForm(definition, Map.of("patientName", "Wally Walkin",
          "patientPhone", Phones.dialled(phone), "reason", "GENERAL", "channel", "MANUAL", "patientMessage", "came by the desk"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
