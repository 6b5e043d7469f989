package org.callbackladder.ladder;

import static org.callbackladder.CallbackProcess.END_EVENT_CALLBACK_CLOSED;
import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.TASK_QUEUE_FINAL_MESSAGE;
import static org.callbackladder.CallbackProcess.TASK_QUEUE_FOLLOW_UP_MESSAGE;
import static org.callbackladder.CallbackProcess.TIMER_NEXT_ATTEMPT_DUE;
import static org.callbackladder.support.Ladder.call;
import static org.callbackladder.support.Ladder.request;
import static org.callbackladder.support.Ladder.waitForNextAttempt;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.callbackladder.CallbackProcess.CallSheet;
import org.callbackladder.CallbackProcess.StartForm;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.CallbackProcess;
import org.callbackladder.TaskSheet;
import org.callbackladder.attempt.AttemptOutcome;
import org.callbackladder.audit.AuditEvent;
import org.callbackladder.audit.AuditEventRepository;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.attempt.CallAttemptRepository;
import org.callbackladder.contact.ContactDecision;
import org.callbackladder.contact.ContactDecisionRepository;
import org.callbackladder.contact.MessageKind;
import org.callbackladder.contact.OutboxMessage;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.request.RequestStatus;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.LadderRecords;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** Every path through processes/patient-callback.bpmn, with the real delegates and tables. */
@CallbackLadderTest
class PatientCallbackProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired LadderRecords records;
  @Autowired IntakeService intake;
  @Autowired CallbackRequestRepository requests;
  @Autowired CallAttemptRepository attempts;
  @Autowired ContactDecisionRepository decisions;
  @Autowired TestClock clock;
  @Autowired AuditEventRepository audit;
  String phone;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void reachedOnTheFirstAttemptClosesAsBooked() {
    ProcessInstance ladder = start("APPOINTMENT_REQUEST");

    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT);
    Task first = task(TASK_CALL_PATIENT, ladder);
    assertThat(first).hasCandidateGroup("callback-coordinators");
    Assertions.assertThat(first.getPriority()).isEqualTo(70);
    // the routing table gives appointment requests four open hours: 09:00 + 4h = 13:00 New York
    Assertions.assertThat(first.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
    // a New York patient may be called at once
    Assertions.assertThat(first.getFollowUpDate().toInstant()).isEqualTo(CallbackLadderTest.TUESDAY_9AM);

    call(engine, ladder, "REACHED", "BOOKED");

    assertThat(ladder).isEnded().hasPassed("Task_DocumentAttempt", "Task_CloseRequest", END_EVENT_CALLBACK_CLOSED)
        .hasNotPassed(TASK_QUEUE_FOLLOW_UP_MESSAGE);
    CallbackRequest closed = records.request(ladder);
    Assertions.assertThat(closed.getStatus()).isEqualTo(RequestStatus.CLOSED);
    Assertions.assertThat(closed.getClosureReason()).isEqualTo(ClosureReason.BOOKED);
    Assertions.assertThat(closed.getFirstAttemptAt()).isEqualTo(CallbackLadderTest.TUESDAY_9AM);
    Assertions.assertThat(records.attempts(ladder)).singleElement()
        .satisfies(a -> {
          Assertions.assertThat(a.getAgent()).isEqualTo("coordinator");
          Assertions.assertThat(a.getNumberDialled()).isEqualTo(phone);
          Assertions.assertThat(a.getOutcome()).isEqualTo(AttemptOutcome.REACHED);
          Assertions.assertThat(a.getNotes()).isEqualTo("notes of REACHED");
        });
    Assertions.assertThat(records.messages(ladder)).isEmpty();
  }

  @Test
  void reachedOnTheSecondAttemptAfterAFollowUpAndADifferentTimeOfDay() {
    ProcessInstance ladder = start("NEW_PATIENT_APPOINTMENT");

    call(engine, ladder, "NO_ANSWER", null);

    assertThat(ladder).isWaitingAt(TASK_QUEUE_FOLLOW_UP_MESSAGE);
    execute(job(TASK_QUEUE_FOLLOW_UP_MESSAGE, ladder));
    assertThat(ladder).isWaitingAt(CallbackProcess.GATEWAY_WAIT_FOR_NEXT_ATTEMPT);
    // first call in the morning at 09:00; three hours later is noon, the start of "midday"
    Assertions.assertThat(job(TIMER_NEXT_ATTEMPT_DUE, ladder).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
    Assertions.assertThat(records.messages(ladder)).singleElement()
        .satisfies(m -> {
          Assertions.assertThat(m.getKind()).isEqualTo(MessageKind.FOLLOW_UP);
          Assertions.assertThat(m.getRecipient()).isEqualTo(phone);
          Assertions.assertThat(m.getBody()).contains("Riverside Family Practice", "(555) 010-0142", "STOP");
        });

    clock.advance(Duration.ofHours(3));
    execute(job(TIMER_NEXT_ATTEMPT_DUE, ladder));

    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT);
    Task second = task(TASK_CALL_PATIENT, ladder);
    Assertions.assertThat(engine.getTaskService().getVariables(second.getId()))
        .containsEntry(Vars.ATTEMPT_NUMBER, 2)
        .doesNotContainKeys(Vars.ATTEMPT_OUTCOME, Vars.RESOLUTION, Vars.ATTEMPT_NOTES);
    Map<String, Object> form = TaskSheet.read(engine.getTaskService(), second.getId());
    Assertions.assertThat(form).containsEntry(CallSheet.ATTEMPT_LABEL, "2 of 3");
    Assertions.assertThat((String) form.get(CallSheet.ATTEMPT_HISTORY))
        .contains("Attempt 1", "Tue 1 Dec 09:00", "coordinator", "No answer", "notes of NO_ANSWER");

    call(engine, ladder, "REACHED", "BOOKED");

    assertThat(ladder).isEnded();
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.BOOKED);
    Assertions.assertThat(records.attempts(ladder)).extracting(CallAttempt::getOutcome)
        .containsExactly(AttemptOutcome.NO_ANSWER, AttemptOutcome.REACHED);
    Assertions.assertThat(records.attempts(ladder).get(1).getAppointmentAt()).isEqualTo(Instant.parse("2040-01-10T15:30:00Z"));
  }

  @Test
  void aPatientWhoAskedForMorningsIsCalledBackTheNextMorning() {
    phone = Phones.next();
    ProcessInstance ladder = Ladder.start(intake, engine, new NewCallbackRequest("WEB_FORM", "APPOINTMENT_REQUEST",
        new NewCallbackRequest.Patient("Jamie Rivera", phone), null, "Mornings please, before work", null));

    call(engine, ladder, "NO_ANSWER", null);
    execute(job(TASK_QUEUE_FOLLOW_UP_MESSAGE, ladder));

    // 09:00 + 3 hours is past the morning: the next morning at 08:00, although the morning was tried
    Assertions.assertThat(job(TIMER_NEXT_ATTEMPT_DUE, ladder).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-12-02T13:00:00Z"));
  }

  /**
   * A Seattle number at 09:00 in New York (06:00 there) with a one-hour window: the window runs from
   * 11:00 here, the patient's 08:00, so the first call is due at 12:00, not at 10:00 before anyone may
   * call them (which would report it late without a chance).
   */
  @Test
  void aFirstCallIsNeverDueBeforeThePatientMayBeCalled() {
    ProcessInstance ladder = Ladder.start(intake, engine,
        request("WEB_FORM", "TELEHEALTH_SUPPORT", "Sam Seattle", "+1 206 555 0143"));

    Task first = task(TASK_CALL_PATIENT, ladder);
    Assertions.assertThat(records.request(ladder).getResponseWindow()).isEqualTo("PT1H");
    Assertions.assertThat(first.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    Assertions.assertThat(records.request(ladder).getFirstAttemptDueAt()).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
    Assertions.assertThat(first.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
  }

  @Test
  void aPatientThreeTimeZonesAwayIsCalledInTheirOwnDay() {
    // a San Francisco number: the patient's zone is Los Angeles, three hours behind the practice
    ProcessInstance ladder = Ladder.start(intake, engine, request("WEB_FORM", "GENERAL", "Quinn Ortega", "+1 415 555 0190"));

    Task first = task(TASK_CALL_PATIENT, ladder);
    // 09:00 in New York is 06:00 in Los Angeles: the task waits until their 08:00, 11:00 here
    Assertions.assertThat(first.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    Assertions.assertThat(records.request(ladder).getNextAttemptAt()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    Assertions.assertThat((String) TaskSheet.read(engine.getTaskService(), first.getId()).get(CallSheet.PATIENT_TIME))
        .isEqualTo("America/Los_Angeles, 3 hours behind the practice. Call between 11:00 and 23:00 practice time"
            + " (08:00-20:00 theirs). It was 06:00 there at 09:00 practice time (refreshed when the call is taken).");

    clock.set(Instant.parse("2026-12-01T16:30:00Z"));
    call(engine, ladder, "NO_ANSWER", null);
    execute(job(TASK_QUEUE_FOLLOW_UP_MESSAGE, ladder));

    // their morning was tried at 08:30; three hours later is their midday, 12:00 there, 15:00 here
    Assertions.assertThat(job(TIMER_NEXT_ATTEMPT_DUE, ladder).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-12-01T20:00:00Z"));
    Assertions.assertThat(records.request(ladder).getNextAttemptReason())
        .isEqualTo("attempt 2, in the patient's midday (America/Los_Angeles): inside practice hours and the patient's"
            + " calling window, in a part of the patient's day not tried yet");
  }

  @Test
  void anUnworkedFirstAttemptIsMarkedLateAndAManagerReviewsIt() {
    ProcessInstance ladder = start("APPOINTMENT_REQUEST");

    clock.set(Instant.parse("2026-12-01T18:00:00Z"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T18:00:00Z")));
    try {
      execute(job("Timer_ResponseWindowEnds", ladder));
    } finally {
      ClockUtil.reset();
    }

    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT, "Task_ReviewLateCallback");
    assertThat(task("Task_ReviewLateCallback", ladder)).hasCandidateGroup("practice-managers");
    // above every ordinary call, due half an hour after the window was missed
    Assertions.assertThat(task("Task_ReviewLateCallback", ladder).getPriority()).isEqualTo(95);
    Assertions.assertThat(task("Task_ReviewLateCallback", ladder).getDueDate().toInstant())
        .isEqualTo(Instant.parse("2026-12-01T18:30:00Z"));
    Assertions.assertThat(task(TASK_CALL_PATIENT, ladder).getPriority()).isEqualTo(100);
    Assertions.assertThat(records.request(ladder).getResponseWindowMissedAt()).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));

    call(engine, ladder, "REACHED", "BOOKED");
    assertThat(ladder).isNotEnded();
    engine.getTaskService().complete(task("Task_ReviewLateCallback", ladder).getId(), Map.of(Vars.LATE_DECISION, "CALLING_NOW"));
    execute(job("Task_ActOnLateReview", ladder));

    assertThat(ladder).isEnded().hasPassed("Task_MarkResponseWindowMissed", END_EVENT_CALLBACK_CLOSED);
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.BOOKED);
  }

  @Test
  void aLaterAttemptPastItsDueDateIsNotAMissedResponseWindow() {
    ProcessInstance ladder = start("APPOINTMENT_REQUEST");
    call(engine, ladder, "NO_ANSWER", null);
    waitForNextAttempt(ladder);

    execute(job("Timer_ResponseWindowEnds", ladder));

    assertThat(ladder).hasPassed("EndEvent_LaterAttemptLate").hasNotPassed("Task_MarkResponseWindowMissed")
        .isWaitingAt(TASK_CALL_PATIENT);
    Assertions.assertThat(records.request(ladder).getResponseWindowMissedAt()).isNull();
  }

  @Test
  void withNoTimeToCallAManagerDecidesAndNothingIsScheduledOutsideTheWindows() {
    // 08:00-20:00 in Tokyo is 18:00-06:00 in New York: the practice is always closed then
    phone = Phones.next();
    ProcessInstance ladder = Ladder.start(intake, engine, new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Aiko Sato", phone, null, null, null, "Asia/Tokyo"), null, null, null));

    // not even a first call: the request goes to a practice manager instead of the queue
    assertThat(ladder).isWaitingAt("Task_ResolveCallingWindow").hasNotPassed(TASK_CALL_PATIENT);
    assertThat(task("Task_ResolveCallingWindow", ladder)).hasCandidateGroup("practice-managers");
    Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(ladder.getId()).count()).isZero();

    // the manager's sheet says why, in words
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task("Task_ResolveCallingWindow", ladder).getId()))
        .containsEntry(CallSheet.PATIENT_NAME, "Aiko Sato")
        .hasEntrySatisfying(CallSheet.WHY_HERE, why -> Assertions.assertThat(why.toString()).contains("do not meet"))
        .hasEntrySatisfying(CallSheet.PATIENT_TIME, time -> Assertions.assertThat(time.toString()).startsWith("Asia/Tokyo"));

    // scheduling again with nothing corrected finds no time again
    engine.getTaskService().complete(task("Task_ResolveCallingWindow", ladder).getId(),
        Map.of(Vars.CORRECTION_DECISION, "SCHEDULE_AGAIN"));
    assertThat(ladder).isWaitingAt("Task_ResolveCallingWindow");

    engine.getTaskService().complete(task("Task_ResolveCallingWindow", ladder).getId(), Map.of(Vars.CORRECTION_DECISION, "CLOSE"));
    assertThat(ladder).isEnded();
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.UNREACHABLE);
  }

  @Test
  void aManagerCorrectsTheTimeZoneAndTheLadderSchedulesTheCall() {
    phone = Phones.next();
    ProcessInstance ladder = Ladder.start(intake, engine, new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Aiko Sato", phone, null, null, null, "Asia/Tokyo"), null, null, null));
    String resolve = task("Task_ResolveCallingWindow", ladder).getId();

    Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(resolve,
            Map.of(Vars.CORRECTION_DECISION, "SCHEDULE_AGAIN", Vars.CORRECTED_TIME_ZONE, "Pacific/Nowhere")))
        .hasMessageContaining("correctedTimeZone is not a time zone");
    engine.getTaskService().complete(resolve,
        Map.of(Vars.CORRECTION_DECISION, "SCHEDULE_AGAIN", Vars.CORRECTED_TIME_ZONE, "America/Los_Angeles"));

    // inside Los Angeles' 08:00-20:00 (11:00-23:00 in New York), the planned gap after now: 12:00, 09:00 theirs
    assertThat(ladder).isWaitingAt(CallbackProcess.GATEWAY_WAIT_FOR_NEXT_ATTEMPT);
    Assertions.assertThat(engine.getRuntimeService().getVariable(ladder.getId(), Vars.NEXT_ATTEMPT_AT))
        .isEqualTo("2026-12-01T12:00:00-05:00");
    Assertions.assertThat(records.request(ladder).getPatientTimeZone()).isEqualTo("America/Los_Angeles");
    Assertions.assertThat(engine.getRuntimeService().getVariables(ladder.getId())).doesNotContainKey(Vars.CORRECTED_TIME_ZONE);
    Assertions.assertThat(audit.findByCallbackRequestIdOrderByOccurredAtAscIdAsc(UUID.fromString(ladder.getBusinessKey()),
            Pageable.unpaged()).getContent())
        .extracting(AuditEvent::getDetail)
        .contains("timeZone: Asia/Tokyo -> America/Los_Angeles (by unassigned)");
    execute(job(TIMER_NEXT_ATTEMPT_DUE, ladder));
    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT);
  }

  @Test
  void aWrongNumberClosesAtOnce() {
    ProcessInstance ladder = start("GENERAL");

    call(engine, ladder, "WRONG_NUMBER", null);

    assertThat(ladder).isEnded().hasNotPassed(TASK_QUEUE_FOLLOW_UP_MESSAGE, TASK_QUEUE_FINAL_MESSAGE);
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.WRONG_NUMBER);
    Assertions.assertThat(records.messages(ladder)).isEmpty();
  }

  @Test
  void aDeclineClosesAtOnce() {
    ProcessInstance ladder = start("INSURANCE_QUESTION");

    call(engine, ladder, "DECLINED", null);

    assertThat(ladder).isEnded().hasNotPassed(TASK_QUEUE_FOLLOW_UP_MESSAGE, TASK_QUEUE_FINAL_MESSAGE);
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.DECLINED);
  }

  @Test
  void unansweredLastAttemptQueuesAFinalMessageAndClosesAsUnreachable() {
    ProcessInstance ladder = start("NEW_PATIENT_APPOINTMENT");
    Assertions.assertThat(task(TASK_CALL_PATIENT, ladder).getPriority()).isEqualTo(80);

    call(engine, ladder, "NO_ANSWER", null);
    waitForNextAttempt(ladder);
    clock.set(Instant.parse("2026-12-01T17:00:00Z"));
    call(engine, ladder, "VOICEMAIL_LEFT", null);
    execute(job(TASK_QUEUE_FOLLOW_UP_MESSAGE, ladder));
    // the last attempt waits for a later practice day; morning and midday were tried: 15:00 Wednesday
    Assertions.assertThat(job(TIMER_NEXT_ATTEMPT_DUE, ladder).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-12-02T20:00:00Z"));
    execute(job(TIMER_NEXT_ATTEMPT_DUE, ladder));
    clock.set(Instant.parse("2026-12-02T20:00:00Z"));
    call(engine, ladder, "BUSY", null);

    assertThat(ladder).isWaitingAt(TASK_QUEUE_FINAL_MESSAGE);
    execute(job(TASK_QUEUE_FINAL_MESSAGE, ladder));

    assertThat(ladder).isEnded().hasPassed(TASK_QUEUE_FINAL_MESSAGE, END_EVENT_CALLBACK_CLOSED);
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.UNREACHABLE);
    Assertions.assertThat(records.attempts(ladder)).extracting(CallAttempt::getAttemptNumber).containsExactly(1, 2, 3);
    // one text a day at most: the second attempt, three hours after the first, sends none
    Assertions.assertThat(records.messages(ladder)).extracting(OutboxMessage::getKind)
        .containsExactly(MessageKind.FOLLOW_UP, MessageKind.FINAL);
    Assertions.assertThat(records.messages(ladder).get(1).getBody()).contains("Whenever you are ready");
    Assertions.assertThat(decisions.findByCallbackRequestIdOrderByDecidedAtAscIdAsc(records.request(ladder).getId()))
        .extracting(ContactDecision::getAttemptNumber, ContactDecision::isAllowed, ContactDecision::getReason)
        .containsExactly(
            Assertions.tuple(1, true, "text: consent from intake WEB_FORM on 2026-12-01"),
            Assertions.tuple(2, false, "no message: 1 in the last 24 hours (at most 1)"),
            Assertions.tuple(3, true, "text: consent from intake WEB_FORM on 2026-12-01"));
  }

  @Test
  void aCallTaskCannotBeCompletedWithoutItsRequiredFields() {
    ProcessInstance ladder = start("APPOINTMENT_CHANGE");
    Task call = task(TASK_CALL_PATIENT, ladder);

    Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(call.getId(), Map.of()))
        .hasMessageContaining("attemptOutcome is required");
    Assertions.assertThatThrownBy(
            () -> engine.getTaskService().complete(call.getId(), Map.of(Vars.ATTEMPT_OUTCOME, "REACHED")))
        .hasMessageContaining("resolution is required");
    Assertions.assertThatThrownBy(
            () -> engine.getTaskService().complete(call.getId(), Map.of(Vars.ATTEMPT_OUTCOME, "SORT_OF")))
        .hasMessageContaining("attemptOutcome must be one of REACHED");

    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT);
    Assertions.assertThat(records.attempts(ladder)).isEmpty();
  }

  @Test
  void theCallSheetShowsThePatientTheirMessageAndTheScript() {
    ProcessInstance ladder = start("TELEHEALTH_SUPPORT");

    Map<String, Object> sheet = TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId());

    Assertions.assertThat(sheet)
        .containsEntry(CallSheet.PATIENT_NAME, "Jamie Rivera")
        .containsEntry(CallSheet.PATIENT_PHONE, Phones.dialled(phone))
        .containsEntry(CallSheet.REASON_LABEL, "Telehealth support")
        .containsEntry(CallSheet.PATIENT_MESSAGE, "Would like a visit next week")
        .containsEntry(CallSheet.PREFERRED_TIMES, "any weekday")
        .containsEntry(CallSheet.ATTEMPT_HISTORY, "No earlier attempts.");
    Assertions.assertThat((String) sheet.get(CallSheet.CALL_SCRIPT))
        .contains("Riverside Family Practice", "video visit", "call 911");
    Assertions.assertThat(sheet).containsEntry(CallSheet.PATIENT_TIME, "America/New_York, the practice's own time."
        + " Call between 08:00 and 20:00 practice time (08:00-20:00 theirs). It was 09:00 there at 09:00 practice time (refreshed when the call is taken).");
    // patient details are on the task, not in the process
    Assertions.assertThat(engine.getRuntimeService().getVariables(ladder.getId()))
        .doesNotContainKeys(CallSheet.PATIENT_NAME, CallSheet.PATIENT_PHONE, CallSheet.PATIENT_MESSAGE);
  }

  @Test
  void aCoordinatorCanEnterARequestThroughTheStartForm() {
    String walkIn = Phones.next();
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallbackProcess.NEW_REQUEST_PROCESS_KEY).latestVersion().singleResult().getId();

    Map<String, Object> form = new HashMap<>(Map.of(
        StartForm.PATIENT_NAME, "Lee Walk-In",
        StartForm.PATIENT_PHONE, Phones.dialled(walkIn),
        Vars.REASON, "REFERRAL_QUESTION",
        Vars.CHANNEL, "MANUAL",
        StartForm.PATIENT_MESSAGE, "Asked at the desk about their referral",
        StartForm.PATIENT_EMAIL, "lee@example.org",
        StartForm.PATIENT_LANGUAGE, "es-MX",
        StartForm.PATIENT_DATE_OF_BIRTH, "1980-04-17",
        StartForm.PATIENT_TIME_ZONE, "America/Denver"));
    // what the patient agreed to (voicemail not asked), and the referral
    form.putAll(Map.of(StartForm.CONSENT_TEXT, "YES", StartForm.CONSENT_EMAIL, "NO", StartForm.CONSENT_VOICEMAIL, "",
        StartForm.REFERRING_PRACTICE, "Oak Street Clinic", StartForm.REFERRING_CONTACT, "Dr. Rivera's office",
        StartForm.RECORDS_RECEIVED, false));
    ProcessInstance entry = engine.getFormService().submitStartForm(definitionId, form);

    assertThat(entry).isEnded();
    CallbackRequest stored = requests.findAll().stream().filter(r -> walkIn.equals(r.getPatientPhone())).findFirst().orElseThrow();
    ProcessInstance ladder = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(stored.getProcessInstanceId()).singleResult();
    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT);
    Assertions.assertThat(ladder.getProcessDefinitionId()).contains(CallbackProcess.PROCESS_KEY);
    Assertions.assertThat(stored.getPatientPhone()).isEqualTo(walkIn);
    Assertions.assertThat(stored.getProcessInstanceId()).isEqualTo(ladder.getId());
    Assertions.assertThat(stored.getQueue()).isEqualTo("referral-coordinators");
    Assertions.assertThat(stored.getEmail()).isEqualTo("lee@example.org");
    Assertions.assertThat(stored.getPreferredLanguage()).isEqualTo("es-MX");
    Assertions.assertThat(stored.getDateOfBirth()).isEqualTo(java.time.LocalDate.parse("1980-04-17"));
    Assertions.assertThat(stored.getPatientTimeZone()).isEqualTo("America/Denver");
    Assertions.assertThat(stored.getReferringPractice()).isEqualTo("Oak Street Clinic");
    Assertions.assertThat(stored.getReferringContact()).isEqualTo("Dr. Rivera's office");
    Assertions.assertThat(stored.getRecordsReceived()).isFalse();
    Assertions.assertThat(stored.getConsentText()).isTrue();
    Assertions.assertThat(stored.getConsentEmail()).isFalse();
    Assertions.assertThat(stored.getConsentVoicemail()).as("not asked").isNull();
    Assertions.assertThat(engine.getRuntimeService().getVariables(ladder.getId()))
        .containsEntry(Vars.CALLBACK_REQUEST_ID, stored.getId().toString())
        .doesNotContainKeys(StartForm.PATIENT_NAME, StartForm.PATIENT_PHONE, StartForm.PATIENT_MESSAGE);
    for (String detail : List.of(StartForm.PATIENT_NAME, StartForm.PATIENT_EMAIL, StartForm.PATIENT_DATE_OF_BIRTH,
        StartForm.REFERRING_PRACTICE)) {
      Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(entry.getId())
          .variableName(detail).includeDeleted().singleResult().getValue()).as(detail + " kept out of history").isNull();
    }
  }

  @Test
  void anInvalidStartFormStartsNothingAndStoresNothing() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallbackProcess.NEW_REQUEST_PROCESS_KEY).latestVersion().singleResult().getId();
    long requestsBefore = requests.count();
    long laddersBefore = engine.getRuntimeService().createProcessInstanceQuery().count();

    Assertions.assertThatThrownBy(() -> engine.getFormService().submitStartForm(definitionId, Map.of(
            StartForm.PATIENT_NAME, "Lee Walk-In", StartForm.PATIENT_PHONE, "12", Vars.REASON, "GENERAL",
            Vars.CHANNEL, "MANUAL")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("patient.phone is not a phone number we can call: enter a US number like (201) 555-0123,"
            + " or another country's with its code, like +44 7400 123456");

    Assertions.assertThat(requests.count()).isEqualTo(requestsBefore);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(laddersBefore);
  }

  private ProcessInstance start(String reason) {
    phone = Phones.next();
    return Ladder.start(intake, engine, request("WEB_FORM", reason, "Jamie Rivera", phone));
  }
}
