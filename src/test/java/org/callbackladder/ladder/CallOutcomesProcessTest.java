package org.callbackladder.ladder;

import static org.callbackladder.CallbackProcess.GATEWAY_WAIT_FOR_NEXT_ATTEMPT;
import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.TASK_FIND_ANOTHER_NUMBER;
import static org.callbackladder.CallbackProcess.TASK_QUEUE_FOLLOW_UP_MESSAGE;
import static org.callbackladder.support.Ladder.request;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.callbackladder.CallbackProcess.CallSheet;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.TaskSheet;
import org.callbackladder.attempt.AttemptReport.OutsideWindow;
import org.callbackladder.attempt.AttemptReport.SpokeWith;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.request.OpenCallbackRepository;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.LadderRecords;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The outcomes people actually have on a call, through the table processes/call-outcome.dmn and
 * the model: routed, a time the patient chose, the patient will call back, a dropped call, someone
 * else took a message, a disconnected number, and what each one's form must carry.
 */
@CallbackLadderTest
class CallOutcomesProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired LadderRecords records;
  @Autowired IntakeService intake;
  @Autowired OpenCallbackRepository openCallbacks;
  @Autowired TestClock clock;
  @Autowired TestRestTemplate http;
  String phone;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void aRoutedRequestMovesToTheChosenQueueAsANewCallAndStaysOpen() {
    ProcessInstance ladder = start();

    call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "ROUTED", Vars.ROUTED_TO, "referral-coordinators"));

    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT).hasPassed("Task_RouteToChosenQueue");
    Task routed = task(TASK_CALL_PATIENT, ladder);
    assertThat(routed).hasCandidateGroup("referral-coordinators");
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), routed.getId())).containsEntry(CallSheet.ATTEMPT_LABEL, "2 of 3");
    Assertions.assertThat(records.request(ladder).getQueue()).isEqualTo("referral-coordinators");
    Assertions.assertThat(records.attempts(ladder)).singleElement().extracting(CallAttempt::getRoutedTo).isEqualTo("referral-coordinators");
    Assertions.assertThat(records.messages(ladder)).as("the patient was reached: no follow-up").isEmpty();
    Assertions.assertThat(engine.getRuntimeService().getVariables(ladder.getId())).doesNotContainKey(Vars.ROUTED_TO);
  }

  @Test
  void aRouteOutsideTheConfiguredQueuesIsRefused() {
    ProcessInstance ladder = start();

    Assertions.assertThatThrownBy(() -> call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "ROUTED", Vars.ROUTED_TO, "clinical-team")))
        .hasMessageContaining("routedTo must be one of callback-coordinators, referral-coordinators, practice-managers");
    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT);
  }

  @Test
  void theTimeThePatientChoseBecomesTheNextAttemptEvenAfterTheLastOne() {
    ProcessInstance ladder = start();
    unanswered(ladder);
    unanswered(ladder);
    Assertions.assertThat(engine.getRuntimeService().getVariable(ladder.getId(), Vars.ATTEMPT_NUMBER)).isEqualTo(3);

    // Thursday 3 December, 15:00 in New York: the practice is open
    call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "CALL_AT_CHOSEN_TIME", Vars.CALL_BACK_AT, "2026-12-03T15:00"));

    assertThat(ladder).isWaitingAt(GATEWAY_WAIT_FOR_NEXT_ATTEMPT);
    Assertions.assertThat(engine.getRuntimeService().getVariables(ladder.getId()))
        .containsEntry(Vars.NEXT_ATTEMPT_AT, "2026-12-03T15:00:00-05:00")
        .containsEntry(Vars.MAX_ATTEMPTS, 4)
        .doesNotContainKey(Vars.CALL_BACK_AT);
    Assertions.assertThat(records.request(ladder).getNextAttemptAt()).isEqualTo(Instant.parse("2026-12-03T20:00:00Z"));
    Assertions.assertThat(records.attempts(ladder).get(2).getCallBackAt()).isEqualTo(Instant.parse("2026-12-03T20:00:00Z"));
    execute(job("Timer_NextAttemptDue", ladder));
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId()))
        .containsEntry(CallSheet.ATTEMPT_LABEL, "4 of 4");
  }

  @Test
  void aChosenTimeMustBeAheadAndInPracticeHours() {
    ProcessInstance ladder = start();

    // Saturday: the practice is closed
    Assertions.assertThatThrownBy(() -> call(ladder, "REACHED",
            Map.of(Vars.RESOLUTION, "CALL_AT_CHOSEN_TIME", Vars.CALL_BACK_AT, "2026-12-05T10:00")))
        .hasMessageContaining("callBackAt must be in practice hours");
    Assertions.assertThatThrownBy(() -> call(ladder, "REACHED",
            Map.of(Vars.RESOLUTION, "CALL_AT_CHOSEN_TIME", Vars.CALL_BACK_AT, "2026-11-30T10:00")))
        .hasMessageContaining("callBackAt must be a date and time still ahead");
    Assertions.assertThatThrownBy(() -> call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "CALL_AT_CHOSEN_TIME")))
        .hasMessageContaining("callBackAt must be given as a date and time");
    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT);
  }

  @Test
  void aBookingNeedsAnAppointmentAheadAndKeepsItAsAField() {
    ProcessInstance ladder = start();

    Assertions.assertThatThrownBy(() -> call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "BOOKED")))
        .hasMessageContaining("appointmentAt must be given as a date and time");
    Assertions.assertThatThrownBy(() -> call(ladder, "REACHED",
            Map.of(Vars.RESOLUTION, "BOOKED", Vars.APPOINTMENT_AT, "2026-11-30T10:00")))
        .hasMessageContaining("appointmentAt must be a date and time still ahead");
    Assertions.assertThatThrownBy(() -> call(ladder, "REACHED",
            Map.of(Vars.RESOLUTION, "BOOKED", Vars.APPOINTMENT_AT, "next Tuesday")))
        .hasMessageContaining("appointmentAt must be a date and time like 2026-12-03T09:30");
    Assertions.assertThatThrownBy(() -> call(ladder, "NO_ANSWER", Map.of(Vars.APPOINTMENT_AT, "2026-12-08T10:00")))
        .hasMessageContaining("appointmentAt only for the outcome it belongs to");

    call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "BOOKED", Vars.APPOINTMENT_AT, "2026-12-08T10:00",
        Vars.APPOINTMENT_WITH, "Dr. Okafor, Main Street"));

    assertThat(ladder).isEnded();
    Assertions.assertThat(records.attempts(ladder)).singleElement().satisfies(booked -> {
      Assertions.assertThat(booked.getAppointmentAt()).isEqualTo(Instant.parse("2026-12-08T15:00:00Z"));
      Assertions.assertThat(booked.getAppointmentWith()).isEqualTo("Dr. Okafor, Main Street");
    });
  }

  /** A day of its own (other tests' calls fall on other days): one booking, for two days later, and a late call. */
  @Test
  void theReviewsCountBookingsWithinAWeekAndCallsOutsideTheWindow() {
    clock.set(Instant.parse("2025-10-14T13:00:00Z")); // Tuesday 09:00 in New York
    ProcessInstance booked = start();
    call(booked, "REACHED", Map.of(Vars.RESOLUTION, "BOOKED", Vars.APPOINTMENT_AT, "2025-10-16T10:00"));
    Assertions.assertThat(records.attempts(booked).get(0).getAppointmentInDays()).isEqualTo(2);
    clock.set(Instant.parse("2025-10-14T23:30:00Z")); // 19:30: the practice is closed
    ProcessInstance evening = start();
    call(evening, "NO_ANSWER", Map.of(Vars.OUTSIDE_WINDOW_REASON, "PATIENT_ASKED"));

    JsonNode calls = http.withBasicAuth("manager", "demo")
        .getForObject("/api/reports/summary?from=2025-10-14&to=2025-10-14", JsonNode.class).get("overall").get("attempts");

    Assertions.assertThat(calls.get("made").asLong()).isEqualTo(2);
    Assertions.assertThat(calls.get("booked").asLong()).isEqualTo(1);
    Assertions.assertThat(calls.get("bookedWithinDays").asLong()).isEqualTo(1);
    Assertions.assertThat(calls.get("outsideWindow").asLong()).isEqualTo(1);
  }

  @Test
  void aPatientWhoWillCallBackKeepsOneMoreAttemptWithoutAMessageThenCloses() {
    ProcessInstance ladder = start();

    call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "PATIENT_WILL_CALL_BACK"));

    assertThat(ladder).isWaitingAt(GATEWAY_WAIT_FOR_NEXT_ATTEMPT).hasNotPassed(TASK_QUEUE_FOLLOW_UP_MESSAGE);
    Assertions.assertThat(records.messages(ladder)).isEmpty();
    execute(job("Timer_NextAttemptDue", ladder));
    unanswered(ladder);
    call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "PATIENT_WILL_CALL_BACK"));

    assertThat(ladder).isEnded();
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.PATIENT_WILL_CALL_BACK);
  }

  @Test
  void aDroppedCallIsNotReachedAndTheLadderGoesOn() {
    ProcessInstance ladder = start();

    call(ladder, "CALL_DROPPED", Map.of());

    assertThat(ladder).isWaitingAt(TASK_QUEUE_FOLLOW_UP_MESSAGE);
    Assertions.assertThat(records.request(ladder).getReachedAt()).isNull();
  }

  @Test
  void someoneElseTookAMessageRecordedByTheirRole() {
    ProcessInstance ladder = start();

    Assertions.assertThatThrownBy(() -> call(ladder, "SPOKE_WITH_SOMEONE_ELSE", Map.of()))
        .hasMessageContaining("spokeWith");
    call(ladder, "SPOKE_WITH_SOMEONE_ELSE", Map.of(Vars.SPOKE_WITH, "FAMILY_MEMBER"));

    assertThat(ladder).isWaitingAt(TASK_QUEUE_FOLLOW_UP_MESSAGE);
    Assertions.assertThat(records.attempts(ladder)).singleElement().extracting(CallAttempt::getSpokeWith)
        .isEqualTo(SpokeWith.FAMILY_MEMBER);
  }

  @Test
  void aDisconnectedNumberGoesToAManagerWhoFindsAnotherOne() {
    ProcessInstance ladder = start();

    call(ladder, "DISCONNECTED", Map.of());

    assertThat(ladder).isWaitingAt(TASK_FIND_ANOTHER_NUMBER);
    Task find = task(TASK_FIND_ANOTHER_NUMBER, ladder);
    assertThat(find).hasCandidateGroup("practice-managers");
    Assertions.assertThat(find.getPriority()).isEqualTo(90);
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), find.getId()))
        .hasEntrySatisfying(CallSheet.WHY_HERE, why -> Assertions.assertThat(why.toString()).contains("disconnected on attempt 1"));
    Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(find.getId(),
            Map.of(Vars.CORRECTION_DECISION, "SCHEDULE_AGAIN")))
        .hasMessageContaining("correctedPhone is needed to call again");
    Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(find.getId(),
            Map.of(Vars.CORRECTION_DECISION, "SCHEDULE_AGAIN", Vars.CORRECTED_PHONE, "12")))
        .hasMessageContaining("correctedPhone is not a phone number we can call");

    Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(find.getId(),
            Map.of(Vars.CORRECTION_DECISION, "SCHEDULE_AGAIN", Vars.CORRECTED_PHONE, Phones.dialled(phone))))
        .hasMessageContaining("correctedPhone is the number that was disconnected");
    String another = Phones.next();
    engine.getTaskService().complete(find.getId(),
        Map.of(Vars.CORRECTION_DECISION, "SCHEDULE_AGAIN", Vars.CORRECTED_PHONE, Phones.dialled(another)));

    assertThat(ladder).isWaitingAt(GATEWAY_WAIT_FOR_NEXT_ATTEMPT);
    Assertions.assertThat(records.request(ladder).getPatientPhone()).isEqualTo(another);
    Assertions.assertThat(openCallbacks.findById(another)).isPresent();
    Assertions.assertThat(openCallbacks.findById(phone)).isEmpty();
    Assertions.assertThat(engine.getRuntimeService().getVariables(ladder.getId())).doesNotContainKey(Vars.CORRECTED_PHONE);
    execute(job("Timer_NextAttemptDue", ladder));
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId()))
        .containsEntry(CallSheet.PATIENT_PHONE, Phones.dialled(another));
  }

  @Test
  void withNoOtherNumberTheManagerClosesTheRequest() {
    ProcessInstance ladder = start();
    call(ladder, "DISCONNECTED", Map.of());

    engine.getTaskService().complete(task(TASK_FIND_ANOTHER_NUMBER, ladder).getId(), Map.of(Vars.CORRECTION_DECISION, "CLOSE"));

    assertThat(ladder).isEnded();
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.UNREACHABLE);
  }

  @Test
  void aCallWhileThePatientsWindowIsClosedNeedsAReasonTheReviewsCount() {
    // Tuesday 07:00 in New York: the practice opens at 08:00
    clock.set(CallbackLadderTest.TUESDAY_9AM.minus(Duration.ofHours(2)));
    ProcessInstance ladder = start();

    Assertions.assertThatThrownBy(() -> call(ladder, "NO_ANSWER", Map.of()))
        .hasMessageContaining("outsideWindowReason is needed: the patient's calling window or the practice is closed now");
    call(ladder, "NO_ANSWER", Map.of(Vars.OUTSIDE_WINDOW_REASON, "URGENT"));

    Assertions.assertThat(records.attempts(ladder)).singleElement().extracting(CallAttempt::getOutsideWindowReason)
        .isEqualTo(OutsideWindow.URGENT);

    // a clinical hand-off is never held up by the question
    ProcessInstance clinical = start();
    call(clinical, "CLINICAL_CONCERN", Map.of(Vars.PATIENT_WORDS, "my ankle is swollen", Vars.SCHEDULING_STILL_NEEDED, true));
    Assertions.assertThat(records.attempts(clinical)).singleElement().extracting(CallAttempt::getOutsideWindowReason)
        .isEqualTo(OutsideWindow.URGENT);
  }

  @Test
  void insideTheWindowNoReasonIsAskedOrKept() {
    ProcessInstance ladder = start();

    call(ladder, "NO_ANSWER", Map.of(Vars.OUTSIDE_WINDOW_REASON, "URGENT"));

    Assertions.assertThat(records.attempts(ladder)).singleElement().extracting(CallAttempt::getOutsideWindowReason).isNull();
  }

  @Test
  void anUnknownCallersNameAndABetterNumberGoOntoTheRequest() {
    // a missed call: we know only the number
    phone = Phones.next();
    ProcessInstance ladder = Ladder.start(intake, engine, new org.callbackladder.intake.NewCallbackRequest("MISSED_CALL",
        "GENERAL", new org.callbackladder.intake.NewCallbackRequest.Patient(null, phone), null, null, null));
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId()))
        .containsEntry(CallSheet.UNKNOWN_CALLER, true);

    Assertions.assertThatThrownBy(() -> call(ladder, "NO_ANSWER", Map.of(Vars.BETTER_NUMBER, "twelve")))
        .hasMessageContaining("betterNumber is not a phone number we can call");
    String better = Phones.next();
    call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "PATIENT_WILL_CALL_BACK", Vars.CALLER_NAME, "Sam Okoye",
        Vars.BETTER_NUMBER, Phones.dialled(better)));

    CallbackRequest learned = records.request(ladder);
    Assertions.assertThat(learned.getPatientName()).isEqualTo("Sam Okoye");
    Assertions.assertThat(learned.getPatientPhone()).isEqualTo(better);
    Assertions.assertThat(openCallbacks.findById(better)).isPresent();
    Assertions.assertThat(engine.getRuntimeService().getVariables(ladder.getId()))
        .doesNotContainKeys(Vars.CALLER_NAME, Vars.BETTER_NUMBER);
  }

  private ProcessInstance start() {
    phone = Phones.next();
    return Ladder.start(intake, engine, request("WEB_FORM", "APPOINTMENT_REQUEST", "Rowan Ellis", phone));
  }

  private void call(ProcessInstance ladder, String outcome, Map<String, Object> fields) {
    Task call = task(TASK_CALL_PATIENT, ladder);
    engine.getTaskService().claim(call.getId(), "coordinator");
    Map<String, Object> answers = new HashMap<>(fields);
    answers.put(Vars.ATTEMPT_OUTCOME, outcome);
    try {
      engine.getTaskService().complete(call.getId(), answers);
    } catch (RuntimeException refused) {
      engine.getTaskService().setAssignee(call.getId(), null);
      throw refused;
    }
  }

  private void unanswered(ProcessInstance ladder) {
    call(ladder, "NO_ANSWER", Map.of());
    Ladder.waitForNextAttempt(ladder);
  }
}
