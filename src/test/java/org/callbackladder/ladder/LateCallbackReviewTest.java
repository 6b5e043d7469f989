package org.callbackladder.ladder;

import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;
import static org.callbackladder.CallbackProcess.TASK_REVIEW_LATE_CALLBACK;
import static org.callbackladder.support.Ladder.request;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.CallSheet;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.TaskSheet;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.LadderRecords;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Review late first callback": the manager sees who, why and when in words, may correct the
 * patient's details, and hands the call over, moves it to a chosen time, or closes the request.
 */
@CallbackLadderTest
class LateCallbackReviewTest {

  /** Four open hours after 09:00 New York, the appointment request's first call was due at 13:00. */
  static final Instant WINDOW_MISSED = Instant.parse("2026-12-01T18:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired LadderRecords records;
  @Autowired IntakeService intake;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void theManagersSheetSaysWhenTheCallWasDueAndAColleagueTakesIt() {
    ProcessInstance ladder = late();
    Task review = task(TASK_REVIEW_LATE_CALLBACK, ladder);
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), review.getId()))
        .containsEntry(CallSheet.PATIENT_NAME, "Lee Late")
        .hasEntrySatisfying(CallSheet.WHY_HERE, why -> Assertions.assertThat(why.toString())
            .startsWith("The first call was due Tue 1 Dec at 13:00 and nobody has made it."));

    Assertions.assertThatThrownBy(() -> complete(review, Map.of(Vars.LATE_DECISION, "HAND_TO", Vars.HAND_TO, "clinician")))
        .hasMessageContaining("handTo must be the user id of someone in the call's queue (callback-coordinators)");
    Assertions.assertThatThrownBy(() -> complete(review, Map.of(Vars.LATE_DECISION, "CALLING_NOW", Vars.HAND_TO, "coordinator")))
        .hasMessageContaining("handTo only with the decision it belongs to");
    complete(review, Map.of(Vars.LATE_DECISION, "HAND_TO", Vars.HAND_TO, "coordinator"));
    execute(job("Task_ActOnLateReview", ladder));

    Assertions.assertThat(task(TASK_CALL_PATIENT, ladder).getAssignee()).isEqualTo("coordinator");
    assertThat(ladder).isWaitingAt(TASK_CALL_PATIENT).hasPassed("EndEvent_LateCallbackReviewed");
  }

  @Test
  void theManagerMovesTheCallToATimeThatSuitsThePatient() {
    ProcessInstance ladder = late();

    complete(task(TASK_REVIEW_LATE_CALLBACK, ladder), Map.of(Vars.LATE_DECISION, "CALL_AT", Vars.LATE_CALL_AT, "2026-12-02T10:00"));
    execute(job("Task_ActOnLateReview", ladder));

    Task call = task(TASK_CALL_PATIENT, ladder);
    Assertions.assertThat(call.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));
    Assertions.assertThat(call.getDueDate().toInstant()).isAfter(call.getFollowUpDate().toInstant());
  }

  @Test
  void theManagerCorrectsTheTimeZoneAndTheCallWaitsForThePatientsDay() {
    ProcessInstance ladder = late();

    complete(task(TASK_REVIEW_LATE_CALLBACK, ladder),
        Map.of(Vars.LATE_DECISION, "CALLING_NOW", Vars.CORRECTED_TIME_ZONE, "Pacific/Honolulu"));
    Assertions.assertThat(records.request(ladder).getPatientTimeZone()).isEqualTo("Pacific/Honolulu");
    execute(job("Task_ActOnLateReview", ladder));

    // 13:00 in New York is 08:00 in Honolulu: callable at once, and the sheet says where they are
    Assertions.assertThat(TaskSheet.read(engine.getTaskService(), task(TASK_CALL_PATIENT, ladder).getId()))
        .hasEntrySatisfying(CallSheet.PATIENT_TIME, time -> Assertions.assertThat(time.toString()).startsWith("Pacific/Honolulu"));
    Assertions.assertThat(jdbc.queryForList("select detail from audit_event where callback_request_id = ? and action = ?",
        String.class, UUID.fromString(ladder.getBusinessKey()), "PATIENT_CORRECTED"))
        .containsExactly("timeZone: America/New_York -> Pacific/Honolulu (by manager)");
  }

  @Test
  void theManagerClosesADuplicateWithANoteAndTheLadderEnds() {
    ProcessInstance ladder = late();
    Task review = task(TASK_REVIEW_LATE_CALLBACK, ladder);

    Assertions.assertThatThrownBy(() -> complete(review, Map.of(Vars.LATE_DECISION, "CLOSE", Vars.LATE_CLOSURE_REASON, "BOOKED")))
        .hasMessageContaining("lateClosureReason must be one of").hasMessageContaining("lateNote");
    complete(review, Map.of(Vars.LATE_DECISION, "CLOSE", Vars.LATE_CLOSURE_REASON, "DUPLICATE",
        Vars.LATE_NOTE, "Entered again at the desk; the phone request stands"));

    // ended in the same transaction: no call left to make for a closed request
    assertThat(ladder).isEnded().hasPassed("EndEvent_ClosedByManager", CallbackProcess.END_EVENT_CALLBACK_CLOSED);
    Assertions.assertThat(records.request(ladder).getClosureReason()).isEqualTo(ClosureReason.DUPLICATE);
    Assertions.assertThat(jdbc.queryForList("select detail from audit_event where callback_request_id = ? and action = 'CLOSED'",
        String.class, UUID.fromString(ladder.getBusinessKey())))
        .contains("by staff: DUPLICATE: Entered again at the desk; the phone request stands");
    Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(ladder.getId())
        .variableName(Vars.LATE_NOTE).includeDeleted().singleResult().getValue()).as("the note never reaches history").isNull();
  }

  @Test
  void aCallMadeMeanwhileCannotBeHandedOver() {
    ProcessInstance ladder = late();
    Ladder.call(engine, ladder, "NO_ANSWER", null);

    Assertions.assertThatThrownBy(() -> complete(task(TASK_REVIEW_LATE_CALLBACK, ladder),
            Map.of(Vars.LATE_DECISION, "HAND_TO", Vars.HAND_TO, "coordinator")))
        .hasMessageContaining("lateDecision the first call was made meanwhile");
  }

  /** A request whose first call nobody made inside its window. */
  private ProcessInstance late() {
    ProcessInstance ladder = Ladder.start(intake, engine, request("WEB_FORM", "APPOINTMENT_REQUEST", "Lee Late", Phones.next()));
    clock.set(WINDOW_MISSED);
    ClockUtil.setCurrentTime(Date.from(WINDOW_MISSED));
    try {
      execute(job("Timer_ResponseWindowEnds", ladder));
    } finally {
      ClockUtil.reset();
    }
    return ladder;
  }

  private void complete(Task review, Map<String, Object> answers) {
    engine.getIdentityService().setAuthentication("manager", List.of("practice-managers"));
    try {
      engine.getTaskService().complete(review.getId(), answers);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
