package org.callbackladder.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.CallbackProcess;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review processes: their timers fire at the practice's time on review days (across a clock
 * change), a practice holiday has no review, the form shows the sheet, and the manager's actions
 * are kept and listed, not left in Camunda's history.
 */
@CallbackLadderTest
class ReviewProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TestClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClocks() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theDailyReviewComesAtHalfPastFourOnWeekdaysAndItsActionsAreKept() {
    // Tuesday 1 December 2026, 16:30 in New York
    String review = fire(CallbackProcess.DAILY_REVIEW_PROCESS_KEY, "2026-12-01T21:30:00Z");

    assertThat(timer(CallbackProcess.DAILY_REVIEW_PROCESS_KEY).getDuedate()).as("Wednesday 16:30")
        .isEqualTo(Date.from(Instant.parse("2026-12-02T21:30:00Z")));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(review).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(CallbackProcess.TASK_DAILY_REVIEW);
    assertThat(task.getName()).isEqualTo("Daily callback review");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("practice-managers").count())
        .isOne();
    String sheet = (String) engine.getTaskService().getVariable(task.getId(), CallbackProcess.Vars.REVIEW_SHEET);
    assertThat(sheet).startsWith("Daily callback review, Tuesday 1 December 2026 (America/New_York)")
        .contains("- Requests received: ", "- Called: ", "Past their response window, first call not made: ",
            "Referral-sensitive or clinically flagged, still open: ", "Stalled referrals (open, records not received): ");

    engine.getIdentityService().setAuthentication("manager", List.of("practice-managers"));
    engine.getTaskService().complete(task.getId(),
        Map.of(CallbackProcess.Vars.REVIEW_ACTIONS, "Moved two late callbacks to Sam; asked Oak Clinic for records"));
    engine.getIdentityService().clearAuthentication();

    Map<String, Object> kept = jdbc.queryForMap("select * from callback_review where process_instance_id = ?", review);
    assertThat(kept).containsEntry("kind", "DAILY").containsEntry("completed_by", "manager")
        .containsEntry("actions", "Moved two late callbacks to Sam; asked Oak Clinic for records");
    assertThat(kept.get("sheet")).isEqualTo(sheet);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(review)
        .variableName(CallbackProcess.Vars.REVIEW_ACTIONS).includeDeleted().singleResult().getValue())
        .as("the manager's words stay out of Camunda's history").isNull();

    JsonNode listed = http.withBasicAuth("manager", "demo").getForObject("/api/reviews?size=200", JsonNode.class);
    assertThat(listed.get("items").findValuesAsText("actions"))
        .contains("Moved two late callbacks to Sam; asked Oak Clinic for records");
  }

  /** Camunda keeps a string variable in 4,000 characters: a long sheet is cut for the form, and kept whole. */
  @Test
  void aLongSheetIsCutForTheFormAndKeptWhole() {
    for (int i = 0; i < 60; i++) {
      String id = UUID.randomUUID().toString();
      String phone = "+1212555" + String.format("%04d", 9000 + i);
      jdbc.update("insert into callback_request (id, channel, reason, patient_name, patient_phone, status, queue, received_at,"
          + " received_on, first_attempt_due_at) values (?, 'VOICEMAIL', 'GENERAL', 'Late Patient', ?, 'OPEN',"
          + " 'callback-coordinators', ?, ?, ?)", UUID.fromString(id), phone, ReportRows.at("2026-12-03T08:00"),
          java.sql.Date.valueOf("2026-12-03"), ReportRows.at("2026-12-03T10:00"));
      jdbc.update("insert into open_callback (patient_phone, callback_request_id) values (?, ?)", phone, UUID.fromString(id));
    }
    try {
      String review = fire(CallbackProcess.DAILY_REVIEW_PROCESS_KEY, "2026-12-03T21:30:00Z");

      Task task = engine.getTaskService().createTaskQuery().processInstanceId(review).singleResult();
      String shown = (String) engine.getTaskService().getVariable(task.getId(), CallbackProcess.Vars.REVIEW_SHEET);
      String kept = jdbc.queryForObject("select sheet from callback_review where process_instance_id = ?", String.class, review);
      assertThat(kept).hasSizeGreaterThan(4000).containsPattern("Past their response window, first call not made: ([6-9][0-9]|[1-9][0-9]{2,})\n");
      assertThat(shown).hasSizeLessThanOrEqualTo(4000).endsWith(" (review "
          + jdbc.queryForObject("select id from callback_review where process_instance_id = ?", Long.class, review) + ")\n");
      assertThat(kept).startsWith(shown.substring(0, shown.lastIndexOf("- ... the whole review")));
    } finally {
      jdbc.update("delete from open_callback where patient_phone like '+12125559%'");
      jdbc.update("delete from callback_request where patient_name = 'Late Patient'");
    }
  }

  @Test
  void aPracticeHolidayHasNoDailyReviewAndTheNextComesOnTheNextReviewDay() {
    // Friday 25 December 2026, 16:30: Christmas
    String review = fire(CallbackProcess.DAILY_REVIEW_PROCESS_KEY, "2026-12-25T21:30:00Z");

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(review).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(review)
        .activityId("EndEvent_PracticeClosed").count()).isOne();
    assertThat(timer(CallbackProcess.DAILY_REVIEW_PROCESS_KEY).getDuedate()).as("Monday 28 December, 16:30")
        .isEqualTo(Date.from(Instant.parse("2026-12-28T21:30:00Z")));
  }

  @Test
  void theReviewKeepsThePracticesTimeAcrossTheClockChange() {
    // Friday 12 March 2027, 16:30 winter time; the clocks go forward on Sunday the 14th
    fire(CallbackProcess.DAILY_REVIEW_PROCESS_KEY, "2027-03-12T21:30:00Z");

    assertThat(timer(CallbackProcess.DAILY_REVIEW_PROCESS_KEY).getDuedate()).as("Monday 16:30 summer time")
        .isEqualTo(Date.from(Instant.parse("2027-03-15T20:30:00Z")));
  }

  @Test
  void theWeeklyReviewComesOnFridaysWithEightWeeksOfTrends() {
    // Friday 4 December 2026, 15:00 in New York
    String review = fire(CallbackProcess.WEEKLY_REVIEW_PROCESS_KEY, "2026-12-04T20:00:00Z");

    assertThat(timer(CallbackProcess.WEEKLY_REVIEW_PROCESS_KEY).getDuedate()).as("the Friday after")
        .isEqualTo(Date.from(Instant.parse("2026-12-11T20:00:00Z")));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(review).singleResult();
    assertThat(task.getName()).isEqualTo("Weekly callback review");
    String sheet = (String) engine.getTaskService().getVariable(task.getId(), CallbackProcess.Vars.REVIEW_SHEET);
    assertThat(sheet).startsWith("Weekly callback review, the 8 weeks to Friday 4 December 2026")
        .contains("Booking and reach, week by week", "Reach by part of the patient's day", "Common blockers");
    assertThat(sheet.lines().filter(line -> line.startsWith("- week from "))).hasSize(8);
    assertThat(sheet).contains("- week from 2026-10-10: ", "- week from 2026-11-28: ");
  }

  /** What the job executor does when a review's timer is due: the clocks at that moment, then the job; the review started. */
  private String fire(String process, String at) {
    Date when = Date.from(Instant.parse(at));
    clock.set(when.toInstant());
    ClockUtil.setCurrentTime(when);
    Job timer = timer(process);
    engine.getManagementService().setJobDuedate(timer.getId(), when);
    engine.getManagementService().executeJob(timer.getId());
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(process)
        .startedAfter(new Date(when.getTime() - 1000)).startedBefore(new Date(when.getTime() + 1000)).singleResult().getId();
  }

  private Job timer(String process) {
    return engine.getManagementService().createJobQuery().processDefinitionKey(process).timers().singleResult();
  }
}
