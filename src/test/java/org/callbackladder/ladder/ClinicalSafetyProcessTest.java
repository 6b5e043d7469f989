package org.callbackladder.ladder;

import org.callbackladder.TaskSheet;
import org.callbackladder.support.Ladder;
import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.TASK_CLINICAL_REVIEW;
import static org.callbackladder.CallbackProcess.TASK_EXCEPTION_REVIEW;
import static org.callbackladder.CallbackProcess.TASK_QUEUE_FOLLOW_UP_MESSAGE;
import static org.callbackladder.CallbackProcess.TASK_UNACCEPTED_CLINICAL_HAND_OFF;
import static org.callbackladder.CallbackProcess.TASK_URGENT_CLINICAL_CALLBACK;
import static org.callbackladder.CallbackProcess.TIMER_CLINICAL_REVIEW_NOT_TAKEN;
import static org.callbackladder.CallbackProcess.TIMER_NEXT_ATTEMPT_DUE;
import static org.callbackladder.CallbackProcess.TIMER_URGENT_CALLBACK_NOT_TAKEN;
import static org.callbackladder.support.Ladder.waitForNextAttempt;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.CallSheet;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.closure.ExceptionDecision;
import org.callbackladder.closure.ExceptionDecisionRepository;
import org.callbackladder.escalation.ClinicalHandOff;
import org.callbackladder.escalation.ClinicalHandOffRepository;
import org.callbackladder.intake.IntakeResult;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.intake.webhook.Voicemails;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.request.RequestStatus;
import org.callbackladder.request.Screening;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.LadderRecords;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinical paths of processes/patient-callback.bpmn with the real table, delegates and tables:
 * red flags at intake and later, hand-offs timed and escalated, and no silent closures.
 */
@CallbackLadderTest
class ClinicalSafetyProcessTest {

  static final String CHEST_PAIN = "my dad has crushing chest pain and is sweating please call";
  static final String RASH = "I have a rash since the new cream, should I come in?";

  @Autowired ProcessEngine engine;
  @Autowired LadderRecords records;
  @Autowired IntakeService intake;
  @Autowired Voicemails voicemails;
  @Autowired CallbackRequestRepository requests;
  @Autowired ClinicalHandOffRepository handOffs;
  @Autowired ExceptionDecisionRepository exceptionDecisions;
  @Autowired TestClock clock;
  String phone;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void anEmergencyAtIntakeGoesStraightToAnUrgentClinicalCallback() {
    IntakeResult received = receive("VOICEMAIL", "APPOINTMENT_REQUEST", CHEST_PAIN);
    ProcessInstance ladder = ladderOf(received);

    Assertions.assertThat(received.screening()).isEqualTo(Screening.Level.EMERGENCY);
    assertThat(ladder).isWaitingAt(TASK_URGENT_CLINICAL_CALLBACK).hasNotPassed("Task_RouteRequest", TASK_CALL_PATIENT);
    Task urgent = task(TASK_URGENT_CLINICAL_CALLBACK, ladder);
    assertThat(urgent).hasCandidateGroup("clinical-team").hasName("Urgent clinical callback");
    Assertions.assertThat(urgent.getPriority()).isEqualTo(100);
    Assertions.assertThat(urgent.getDueDate().toInstant()).isEqualTo(CallbackLadderTest.TUESDAY_9AM.plus(Duration.ofMinutes(15)));
    Assertions.assertThat(urgent.getFollowUpDate().toInstant()).isEqualTo(CallbackLadderTest.TUESDAY_9AM);
    Map<String, Object> sheet = TaskSheet.read(engine.getTaskService(), urgent.getId());
    Assertions.assertThat(sheet.get(CallSheet.PATIENT_MESSAGE)).isEqualTo(CHEST_PAIN);
    Assertions.assertThat(sheet.get(CallSheet.MATCHED_RULE).toString()).startsWith("chest pain or pressure: ");
    Assertions.assertThat(sheet.get(CallSheet.SAFETY_LINES).toString()).contains("911", "clinical team")
        .doesNotContain("on-call clinician");
    CallbackRequest flagged = records.request(ladder);
    Assertions.assertThat(flagged.getStatus()).isEqualTo(RequestStatus.ESCALATED);
    Assertions.assertThat(flagged.getScreening()).isEqualTo(Screening.Level.EMERGENCY);
    Assertions.assertThat(flagged.getScreeningRule()).isEqualTo("chest pain or pressure");

    clock.advance(Duration.ofMinutes(4));
    engine.getTaskService().claim(urgent.getId(), "clinician");
    clock.advance(Duration.ofMinutes(6));
    complete(urgent, Vars.CLINICAL_OUTCOME, "HANDLED", Vars.CLINICAL_NOTE, "Spoke to the son, ambulance on its way");

    assertThat(ladder).isEnded().hasPassed(CallbackProcess.TASK_CLOSE_AS_HANDLED).hasNotPassed(TASK_CALL_PATIENT);
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.CLINICAL_HANDOFF);
    Assertions.assertThat(handOffsOf(ladder)).singleElement().satisfies(h -> {
      Assertions.assertThat(h.getKind()).isEqualTo(ClinicalHandOff.Kind.URGENT_CALLBACK);
      Assertions.assertThat(h.getRaisedBy()).isEqualTo(ClinicalHandOff.RaisedBy.INTAKE);
      Assertions.assertThat(h.getClaimedBy()).isEqualTo("clinician");
      Assertions.assertThat(h.getClaimedAt()).isEqualTo(CallbackLadderTest.TUESDAY_9AM.plus(Duration.ofMinutes(4)));
      Assertions.assertThat(h.getCompletedAt()).isEqualTo(CallbackLadderTest.TUESDAY_9AM.plus(Duration.ofMinutes(10)));
      Assertions.assertThat(h.getOutcome()).isEqualTo(ClinicalHandOff.Outcome.HANDLED);
      Assertions.assertThat(h.getNote()).isEqualTo("Spoke to the son, ambulance on its way");
    });
    Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(ladder.getId())
        .variableName(Vars.CLINICAL_NOTE).includeDeleted().singleResult().getValue()).as("kept out of history").isNull();
  }

  @Test
  void anEmergencyOutsidePracticeHoursStillGetsItsTaskAtOnceWithTheAfterHoursLine() {
    Instant sundayNight = Instant.parse("2026-11-30T03:30:00Z"); // Sunday 22:30 in New York
    clock.set(sundayNight);

    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "GENERAL", "My baby won't feed and is very sleepy"));

    Task urgent = task(TASK_URGENT_CLINICAL_CALLBACK, ladder);
    Assertions.assertThat(urgent.getDueDate().toInstant()).isEqualTo(sundayNight.plus(Duration.ofMinutes(15)));
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), urgent.getId()).get(CallSheet.SAFETY_LINES).toString())
        .contains("on-call clinician", "(555) 010-0199");
  }

  @Test
  void aClinicalQuestionHandedBackToSchedulingCarriesTheClinicianNoteToTheCallSheet() {
    IntakeResult received = receive("PORTAL_MESSAGE", "APPOINTMENT_REQUEST", RASH);
    ProcessInstance ladder = ladderOf(received);

    Assertions.assertThat(received.screening()).isEqualTo(Screening.Level.CLINICAL);
    Task review = task(TASK_CLINICAL_REVIEW, ladder);
    assertThat(review).hasCandidateGroup("clinical-team");
    Assertions.assertThat(review.getPriority()).isEqualTo(90);
    // two open practice hours from Tuesday 09:00 in New York
    Assertions.assertThat(review.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    Assertions.assertThatThrownBy(() -> complete(review, Vars.CLINICAL_OUTCOME, "CONTINUE_SCHEDULING"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("clinicalNote is required");
    Assertions.assertThatThrownBy(() -> complete(review, Vars.CLINICAL_OUTCOME, "SUPERSEDED"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("clinicalOutcome must be one of");

    clock.advance(Duration.ofMinutes(30));
    complete(review, Vars.CLINICAL_OUTCOME, "CONTINUE_SCHEDULING", Vars.CLINICAL_NOTE, "Advice given; book a routine visit.");

    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT);
    Task call = task(TASK_CALL_PATIENT, ladder);
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), call.getId()))
        .containsEntry(CallSheet.CLINICAL_TEAM_NOTE, "Advice given; book a routine visit.")
        .containsEntry(CallSheet.ATTEMPT_LABEL, "1 of 3");
    // the response window counts from the hand-back: four open hours from 09:30
    Assertions.assertThat(call.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T18:30:00Z"));
    Assertions.assertThat(records.request(ladder).getStatus()).isEqualTo(RequestStatus.OPEN);

    call(ladder, "REACHED", Map.of(Vars.RESOLUTION, "BOOKED", Vars.APPOINTMENT_AT, Ladder.APPOINTMENT));
    assertThat(ladder).isEnded();
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.BOOKED);
  }

  @Test
  void aClinicalQuestionHandledByTheClinicalTeamClosesAsAClinicalHandOff() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "PRESCRIPTION_SCHEDULING", "Side effects from my new tablets, is this normal"));

    Assertions.assertThatThrownBy(() -> complete(task(TASK_CLINICAL_REVIEW, ladder), Vars.CLINICAL_OUTCOME, "HANDLED"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("clinicalNote is required");
    complete(task(TASK_CLINICAL_REVIEW, ladder), Vars.CLINICAL_OUTCOME, "HANDLED", Vars.CLINICAL_NOTE, "Advised on the dose");

    assertThat(ladder).isEnded();
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.CLINICAL_HANDOFF);
  }

  @Test
  void anEmergencyInALaterTranscriptionStopsTheWaitingLadder() {
    phone = Phones.next();
    Map<String, String> recording = new LinkedHashMap<>(Map.of(
        "RecordingSid", "RE" + phone.substring(2), "RecordingUrl", "https://api.twilio.com/recordings/RE1",
        "RecordingDuration", "23", "CallSid", "CA" + phone.substring(2) + "v", "From", phone, "To", "+14155550100",
        "AccountSid", "AC123"));
    voicemails.receive(recording);
    CallbackRequest request = requests.findAll().stream().filter(r -> r.getPatientPhone().equals(phone)).findFirst().orElseThrow();
    ProcessInstance ladder = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(request.getProcessInstanceId()).singleResult();
    call(ladder, "NO_ANSWER", Map.of());
    waitForNextAttemptTimer(ladder);

    recording.put("TranscriptionText", "hi its about my mum her face is drooping and her speech is slurred");
    recording.put("TranscriptionStatus", "completed");
    voicemails.receive(recording);

    assertThat(ladder).isWaitingAt(TASK_URGENT_CLINICAL_CALLBACK).isNotWaitingAt(TIMER_NEXT_ATTEMPT_DUE);
    Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(ladder.getId())
        .activityId(TIMER_NEXT_ATTEMPT_DUE).count()).isZero();
    Assertions.assertThat(handOffsOf(ladder)).singleElement()
        .extracting(ClinicalHandOff::getRaisedBy).isEqualTo(ClinicalHandOff.RaisedBy.LATER_MESSAGE);
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_URGENT_CLINICAL_CALLBACK, ladder).getId()).get(CallSheet.PATIENT_MESSAGE).toString()).contains("her face is drooping");
  }

  @Test
  void anEmergencyInAMergedSignalStopsTheWaitingLadderAndAClinicalOneAlsoGoesToAClinician() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "APPOINTMENT_REQUEST", "I would like a check-up"));
    call(ladder, "NO_ANSWER", Map.of());
    waitForNextAttemptTimer(ladder);

    IntakeResult clinical = receive("TEXT_MESSAGE", "GENERAL", "also I have had a fever for three days");
    Assertions.assertThat(clinical.merged()).isTrue();
    Assertions.assertThat(clinical.screening()).isEqualTo(Screening.Level.CLINICAL);
    assertThat(ladder).isWaitingAt(TASK_CLINICAL_REVIEW);

    // more clinical words while the review is open: the same review, with the words on its sheet
    receive("TEXT_MESSAGE", "GENERAL", "the fever is worse tonight");
    Assertions.assertThat(handOffsOf(ladder)).hasSize(1);
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_CLINICAL_REVIEW, ladder).getId()).get(CallSheet.PATIENT_MESSAGE).toString()).contains("the fever is worse tonight");

    IntakeResult emergency = receive("TEXT_MESSAGE", "GENERAL", "now he collapsed");
    Assertions.assertThat(emergency.screening()).isEqualTo(Screening.Level.EMERGENCY);
    assertThat(ladder).isWaitingAt(TASK_URGENT_CLINICAL_CALLBACK).isNotWaitingAt(TASK_CLINICAL_REVIEW);
    Assertions.assertThat(handOffsOf(ladder)).extracting(ClinicalHandOff::getKind, ClinicalHandOff::getOutcome)
        .containsExactly(
            Assertions.tuple(ClinicalHandOff.Kind.CLINICAL_REVIEW, ClinicalHandOff.Outcome.SUPERSEDED),
            Assertions.tuple(ClinicalHandOff.Kind.URGENT_CALLBACK, null));
  }

  @Test
  void aClinicalConcernDuringACallGoesToAClinicalReviewWithThePatientsWords() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "APPOINTMENT_REQUEST", "Can I get an appointment next week"));

    Assertions.assertThatThrownBy(() -> call(ladder, "CLINICAL_CONCERN", Map.of()))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("patientWords is required");
    call(ladder, "CLINICAL_CONCERN", Map.of(Vars.PATIENT_WORDS, "my knee is still swollen after the fall",
        Vars.SCHEDULING_STILL_NEEDED, true));

    assertThat(ladder).isWaitingAt(TASK_CLINICAL_REVIEW).hasPassed("Task_ScreenCallWords");
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_CLINICAL_REVIEW, ladder).getId()).get(CallSheet.PATIENT_MESSAGE).toString()).contains("Said during attempt 1", "my knee is still swollen after the fall");
    Assertions.assertThat(records.attempts(ladder)).singleElement().satisfies(a -> {
      Assertions.assertThat(a.getPatientWords()).isEqualTo("my knee is still swollen after the fall");
      Assertions.assertThat(a.getSchedulingStillNeeded()).isTrue();
    });
    Assertions.assertThat(engine.getRuntimeService().getVariables(ladder.getId())).doesNotContainKey(Vars.PATIENT_WORDS);

    complete(task(TASK_CLINICAL_REVIEW, ladder), Vars.CLINICAL_OUTCOME, "CONTINUE_SCHEDULING", Vars.CLINICAL_NOTE, "Book with Dr. Lee");
    // the attempts go on from the one already made
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId()).get(CallSheet.ATTEMPT_LABEL)).isEqualTo("2 of 4");
  }

  @Test
  void anEmergencyDuringACallNeedsTheEmergencyLineAndGoesToAnUrgentCallback() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "APPOINTMENT_REQUEST", "Can I get an appointment next week"));

    Assertions.assertThatThrownBy(() -> call(ladder, "EMERGENCY", Map.of(Vars.PATIENT_WORDS, "I feel like I am going to pass out")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("emergencyLineGiven");
    call(ladder, "EMERGENCY", Map.of(Vars.PATIENT_WORDS, "I feel like I am going to pass out", Vars.EMERGENCY_LINE_GIVEN, true));

    assertThat(ladder).isWaitingAt(TASK_URGENT_CLINICAL_CALLBACK);
    Assertions.assertThat(handOffsOf(ladder)).singleElement()
        .extracting(ClinicalHandOff::getRaisedBy).isEqualTo(ClinicalHandOff.RaisedBy.CALL);
    Assertions.assertThat(records.attempts(ladder)).singleElement().extracting(CallAttempt::getEmergencyLineGiven).isEqualTo(true);
  }

  @Test
  void aConcernWhoseWordsReadAsAnEmergencyIsUrgentWhateverTheCoordinatorChose() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "APPOINTMENT_REQUEST", "Can I get an appointment next week"));

    call(ladder, "CLINICAL_CONCERN", Map.of(Vars.PATIENT_WORDS, "he says there is pressure in my chest since lunch"));

    assertThat(ladder).isWaitingAt(TASK_URGENT_CLINICAL_CALLBACK);
    Assertions.assertThat(records.request(ladder).getScreeningRule()).isEqualTo("chest pain or pressure");
  }

  @Test
  void anUnclaimedHandOffEscalatesToManagersAndRepeatsUntilAClinicianTakesIt() {
    ProcessInstance ladder = ladderOf(receive("VOICEMAIL", "GENERAL", CHEST_PAIN));

    Assertions.assertThat(job(TIMER_URGENT_CALLBACK_NOT_TAKEN, ladder).getDuedate().toInstant())
        .isEqualTo(CallbackLadderTest.TUESDAY_9AM.plus(Duration.ofMinutes(15)));
    clock.advance(Duration.ofMinutes(15));
    execute(job(TIMER_URGENT_CALLBACK_NOT_TAKEN, ladder));

    Task unaccepted = task(TASK_UNACCEPTED_CLINICAL_HAND_OFF, ladder);
    assertThat(unaccepted).hasCandidateGroup("practice-managers");
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), unaccepted.getId()).get(CallSheet.HAND_OFF_SUMMARY).toString())
        .contains("Urgent clinical callback", "15 minutes ago", "chest pain or pressure");
    Assertions.assertThat(handOffsOf(ladder)).singleElement().extracting(ClinicalHandOff::getEscalations).isEqualTo(1);

    // the reminder repeats while the task stays unclaimed; the managers' open task is not doubled
    clock.advance(Duration.ofMinutes(15));
    execute(job(TIMER_URGENT_CALLBACK_NOT_TAKEN, ladder));
    Assertions.assertThat(handOffsOf(ladder)).singleElement().extracting(ClinicalHandOff::getEscalations).isEqualTo(2);
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId())
        .taskDefinitionKey(TASK_UNACCEPTED_CLINICAL_HAND_OFF).count()).isEqualTo(1);

    Assertions.assertThatThrownBy(() -> complete(unaccepted, Vars.MANAGER_ACTION, "OTHER"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("managerNote is required");
    complete(unaccepted, Vars.MANAGER_ACTION, "ASSIGNED_CLINICIAN");
    engine.getTaskService().setAssignee(task(TASK_URGENT_CLINICAL_CALLBACK, ladder).getId(), "clinician");

    // taken: the timer finds a clinician on it and tells nobody
    execute(job(TIMER_URGENT_CALLBACK_NOT_TAKEN, ladder));
    Assertions.assertThat(handOffsOf(ladder)).singleElement().satisfies(h -> {
      Assertions.assertThat(h.getEscalations()).isEqualTo(2);
      Assertions.assertThat(h.getManagerAction()).isEqualTo("ASSIGNED_CLINICIAN");
      Assertions.assertThat(h.getClaimedBy()).isEqualTo("clinician");
    });
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId())
        .taskDefinitionKey(TASK_UNACCEPTED_CLINICAL_HAND_OFF).count()).isZero();

    // claimed, but still not done a whole window after the claim: the managers hear of it again
    clock.advance(Duration.ofMinutes(15));
    execute(job(TIMER_URGENT_CALLBACK_NOT_TAKEN, ladder));
    Assertions.assertThat(handOffsOf(ladder)).singleElement().extracting(ClinicalHandOff::getEscalations).isEqualTo(3);
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_UNACCEPTED_CLINICAL_HAND_OFF, ladder).getId()).get(CallSheet.HAND_OFF_SUMMARY).toString()).contains("Claimed by clinician", "still not done");

    complete(task(TASK_URGENT_CLINICAL_CALLBACK, ladder), Vars.CLINICAL_OUTCOME, "HANDLED", Vars.CLINICAL_NOTE, "Sent to ER");
    assertThat(ladder).isEnded();
  }

  @Test
  void anEmergencyReplacingAReviewGetsItsOwnEscalationWhileTheManagersLookAtTheReview() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "GENERAL", RASH));
    clock.advance(Duration.ofHours(2));
    execute(job(TIMER_CLINICAL_REVIEW_NOT_TAKEN, ladder));
    Assertions.assertThat(task(TASK_UNACCEPTED_CLINICAL_HAND_OFF, ladder)).isNotNull();

    receive("TEXT_MESSAGE", "GENERAL", "now she fainted");
    clock.advance(Duration.ofMinutes(15));
    execute(job(TIMER_URGENT_CALLBACK_NOT_TAKEN, ladder));

    List<Task> told = engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId())
        .taskDefinitionKey(TASK_UNACCEPTED_CLINICAL_HAND_OFF).orderByTaskCreateTime().asc().list();
    Assertions.assertThat(told).hasSize(2);
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), told.get(1).getId()).get(CallSheet.HAND_OFF_SUMMARY).toString())
        .startsWith("Urgent clinical callback");
    complete(told.get(0), Vars.MANAGER_ACTION, "REACHED_CLINICIAN");
    Assertions.assertThat(handOffsOf(ladder)).extracting(ClinicalHandOff::getKind, ClinicalHandOff::getManagerAction)
        .containsExactly(
            Assertions.tuple(ClinicalHandOff.Kind.CLINICAL_REVIEW, "REACHED_CLINICIAN"),
            Assertions.tuple(ClinicalHandOff.Kind.URGENT_CALLBACK, null));
  }

  @Test
  void theClinicianDecidingEndsTheManagersTaskAboutIt() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "GENERAL", RASH));
    execute(job(TIMER_CLINICAL_REVIEW_NOT_TAKEN, ladder));
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId())
        .taskDefinitionKey(TASK_UNACCEPTED_CLINICAL_HAND_OFF).count()).isEqualTo(1);

    complete(task(TASK_CLINICAL_REVIEW, ladder), Vars.CLINICAL_OUTCOME, "HANDLED", Vars.CLINICAL_NOTE, "Cream stopped");

    assertThat(ladder).isEnded();
  }

  @Test
  void anUnreachableReferralGoesToAnExceptionReviewAndTheReferringOfficeIsNotified() {
    ProcessInstance ladder = unreachableThreeTimes("REFERRAL_QUESTION", "Question about my referral to cardiology");

    assertThat(ladder).isWaitingAt(TASK_EXCEPTION_REVIEW).hasNotPassed(CallbackProcess.TASK_QUEUE_FINAL_MESSAGE);
    Task review = task(TASK_EXCEPTION_REVIEW, ladder);
    assertThat(review).hasCandidateGroup("referral-coordinators");
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), review.getId()))
        .containsKeys(CallSheet.ATTEMPT_HISTORY, CallSheet.EXCEPTION_REASON);
    Assertions.assertThat(records.request(ladder).getStatus()).isEqualTo(RequestStatus.ESCALATED);
    Assertions.assertThatThrownBy(() -> complete(review, Vars.EXCEPTION_DECISION, "NOTIFY_REFERRING_OFFICE"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("exceptionDetail is required");

    complete(review, Vars.EXCEPTION_DECISION, "NOTIFY_REFERRING_OFFICE",
        Vars.EXCEPTION_DETAIL, "Phoned Dr. Okafor's office, spoke to Maria");

    assertThat(ladder).isEnded();
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.REFERRER_NOTIFIED);
    Assertions.assertThat(decisionsOf(ladder)).singleElement().satisfies(d -> {
      Assertions.assertThat(d.getDecision()).isEqualTo(ExceptionDecision.Choice.NOTIFY_REFERRING_OFFICE);
      Assertions.assertThat(d.getDetail()).isEqualTo("Phoned Dr. Okafor's office, spoke to Maria");
      Assertions.assertThat(d.getDecidedBy()).isEqualTo("unassigned");
    });
  }

  @Test
  void anExceptionReviewCanSendALetter() {
    ProcessInstance ladder = unreachableThreeTimes("REFERRAL_QUESTION", "Question about my referral");

    complete(task(TASK_EXCEPTION_REVIEW, ladder), Vars.EXCEPTION_DECISION, "LETTER_OR_PORTAL_MESSAGE",
        Vars.EXCEPTION_DETAIL, "Portal message with our number sent");

    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.LETTER_SENT);
  }

  @Test
  void anExceptionReviewCanCloseWithAReasonAndANote() {
    ProcessInstance ladder = unreachableThreeTimes("REFERRAL_QUESTION", "Question about my referral");
    Task review = task(TASK_EXCEPTION_REVIEW, ladder);

    Assertions.assertThatThrownBy(() -> complete(review, Vars.EXCEPTION_DECISION, "CLOSE", Vars.EXCEPTION_DETAIL, "why"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("exceptionClosureReason is required");
    Assertions.assertThatThrownBy(() -> complete(review, Vars.EXCEPTION_DECISION, "CLOSE", Vars.EXCEPTION_DETAIL, "why",
            Vars.EXCEPTION_CLOSURE_REASON, "CLINICAL_HANDOFF"))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("exceptionClosureReason must be one of");
    complete(review, Vars.EXCEPTION_DECISION, "CLOSE", Vars.EXCEPTION_DETAIL, "Referring office says the patient moved away",
        Vars.EXCEPTION_CLOSURE_REASON, "RESOLVED");

    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.RESOLVED);
  }

  @Test
  void anExceptionReviewCanAskForOneMoreAttemptAndReviewsAgainIfItFails() {
    ProcessInstance ladder = unreachableThreeTimes("REFERRAL_QUESTION", "Question about my referral");

    complete(task(TASK_EXCEPTION_REVIEW, ladder), Vars.EXCEPTION_DECISION, "ONE_MORE_ATTEMPT");

    assertThat(ladder).isWaitingAt(CallbackProcess.GATEWAY_WAIT_FOR_NEXT_ATTEMPT);
    Assertions.assertThat(records.request(ladder).getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
    execute(job(TIMER_NEXT_ATTEMPT_DUE, ladder));
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId()).get(CallSheet.ATTEMPT_LABEL)).isEqualTo("4 of 4");
    call(ladder, "NO_ANSWER", Map.of());
    assertThat(ladder).isWaitingAt(TASK_EXCEPTION_REVIEW);
    Assertions.assertThat(decisionsOf(ladder)).extracting(ExceptionDecision::getDecision)
        .containsExactly(ExceptionDecision.Choice.ONE_MORE_ATTEMPT);
  }

  @Test
  void aClinicallyFlaggedRequestGoesToAManagersExceptionReviewNotToUnreachable() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "APPOINTMENT_REQUEST", RASH));
    complete(task(TASK_CLINICAL_REVIEW, ladder), Vars.CLINICAL_OUTCOME, "CONTINUE_SCHEDULING", Vars.CLINICAL_NOTE, "Needs a visit");
    unanswered(ladder);

    assertThat(task(TASK_EXCEPTION_REVIEW, ladder)).hasCandidateGroup("practice-managers");
  }

  @Test
  void aReferralWithoutRecordsIsFlaggedOnTheCallSheet() {
    phone = Phones.next();
    IntakeResult received = intake.receive(new NewCallbackRequest("REFERRAL", "REFERRAL_QUESTION",
        new NewCallbackRequest.Patient("Jamie Rivera", phone), "Referred for a knee consult", null, null,
        new NewCallbackRequest.Referral("Hillside Clinic", "Dr. Okafor", false), null, null));

    Task call = task(TASK_CALL_PATIENT, ladderOf(received));
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), call.getId()).get(CallSheet.REFERRAL_NOTE).toString())
        .contains("Referred by Hillside Clinic", "RECORDS MISSING");
    Assertions.assertThat(requests.countOpenReferralsWithoutRecords()).isPositive();
  }

  @Test
  void wordsTypedIntoTheTasklistStartFormAreScreenedToo() {
    phone = Phones.next();
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallbackProcess.NEW_REQUEST_PROCESS_KEY).latestVersion().singleResult().getId();

    engine.getFormService().submitStartForm(definitionId, Map.of(
        CallbackProcess.StartForm.PATIENT_NAME, "Lee Walk-In", CallbackProcess.StartForm.PATIENT_PHONE, Phones.dialled(phone),
        Vars.REASON, "GENERAL", Vars.CHANNEL, "MANUAL",
        CallbackProcess.StartForm.PATIENT_MESSAGE, "At the desk: says her throat is swelling after lunch"));

    CallbackRequest entered = requests.findAll().stream().filter(r -> phone.equals(r.getPatientPhone())).findFirst().orElseThrow();
    Assertions.assertThat(entered.getScreening()).isEqualTo(Screening.Level.EMERGENCY);
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(entered.getProcessInstanceId())
        .taskDefinitionKey(TASK_URGENT_CLINICAL_CALLBACK).count()).isEqualTo(1);
  }

  @Test
  void aReturnCallsNoteIsScreenedBeforeTheCallIsOffered() {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", "APPOINTMENT_REQUEST", "I would like a check-up"));
    call(ladder, "NO_ANSWER", Map.of());
    waitForNextAttemptTimer(ladder);

    intake.receive(new NewCallbackRequest("PHONE_CALL", "GENERAL", new NewCallbackRequest.Patient(null, phone),
        "Caller said he has a seizure right now", null, null, null, null, true));

    assertThat(ladder).isWaitingAt(TASK_URGENT_CLINICAL_CALLBACK).isNotWaitingAt(CallbackProcess.TASK_PATIENT_RETURNED_CALL);
  }

  @Test
  void anEmergencyTranscribedAfterTheRequestClosedOpensANewRequestForAClinician() {
    phone = Phones.next();
    Map<String, String> recording = new LinkedHashMap<>(Map.of(
        "RecordingSid", "RE" + phone.substring(2) + "c", "RecordingUrl", "https://api.twilio.com/recordings/RE2",
        "RecordingDuration", "31", "CallSid", "CA" + phone.substring(2) + "c", "From", phone, "To", "+14155550100",
        "AccountSid", "AC123"));
    voicemails.receive(recording);
    CallbackRequest first = requests.findAll().stream().filter(r -> r.getPatientPhone().equals(phone)).findFirst().orElseThrow();
    ProcessInstance ladder = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(first.getProcessInstanceId()).singleResult();
    call(ladder, "WRONG_NUMBER", Map.of());
    assertThat(ladder).isEnded();

    recording.put("TranscriptionText", "this is about my husband he is unconscious on the floor");
    recording.put("TranscriptionStatus", "completed");
    voicemails.receive(recording);

    List<CallbackRequest> ofNumber = requests.findAll().stream().filter(r -> r.getPatientPhone().equals(phone)).toList();
    Assertions.assertThat(ofNumber).hasSize(2);
    CallbackRequest reopened = ofNumber.stream().filter(r -> !r.getId().equals(first.getId())).findFirst().orElseThrow();
    Assertions.assertThat(reopened.getScreening()).isEqualTo(Screening.Level.EMERGENCY);
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(reopened.getProcessInstanceId())
        .taskDefinitionKey(TASK_URGENT_CLINICAL_CALLBACK).count()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------

  private IntakeResult receive(String channel, String reason, String message) {
    if (phone == null) {
      phone = Phones.next();
    }
    return intake.receive(new NewCallbackRequest(channel, reason, new NewCallbackRequest.Patient("Jamie Rivera", phone),
        message, null, null));
  }

  private ProcessInstance ladderOf(IntakeResult received) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(received.request().getProcessInstanceId()).singleResult();
  }

  /** A coordinator records the outcome of the open call task, with the form's other answers. */
  private void call(ProcessInstance ladder, String outcome, Map<String, Object> answers) {
    Map<String, Object> all = new HashMap<>(answers);
    all.put(Vars.ATTEMPT_OUTCOME, outcome);
    engine.getTaskService().complete(task(TASK_CALL_PATIENT, ladder).getId(), all);
  }

  private void complete(Task task, Object... answers) {
    Map<String, Object> all = new HashMap<>();
    for (int i = 0; i < answers.length; i += 2) {
      all.put((String) answers[i], answers[i + 1]);
    }
    engine.getTaskService().complete(task.getId(), all);
  }

  private void waitForNextAttemptTimer(ProcessInstance ladder) {
    execute(job(TASK_QUEUE_FOLLOW_UP_MESSAGE, ladder));
    assertThat(ladder).isWaitingAt(CallbackProcess.GATEWAY_WAIT_FOR_NEXT_ATTEMPT);
  }

  private ProcessInstance unreachableThreeTimes(String reason, String message) {
    ProcessInstance ladder = ladderOf(receive("WEB_FORM", reason, message));
    unanswered(ladder);
    return ladder;
  }

  /** Every attempt the ladder has left goes unanswered. */
  private void unanswered(ProcessInstance ladder) {
    call(ladder, "NO_ANSWER", Map.of());
    waitForNextAttempt(ladder);
    call(ladder, "NO_ANSWER", Map.of());
    waitForNextAttempt(ladder);
    call(ladder, "NO_ANSWER", Map.of());
  }

  private List<ClinicalHandOff> handOffsOf(ProcessInstance ladder) {
    return handOffs.findByCallbackRequestIdOrderByCreatedAtAscIdAsc(UUID.fromString(ladder.getBusinessKey()));
  }

  private List<ExceptionDecision> decisionsOf(ProcessInstance ladder) {
    return exceptionDecisions.findByCallbackRequestIdOrderByDecidedAtAscIdAsc(UUID.fromString(ladder.getBusinessKey()));
  }
}
