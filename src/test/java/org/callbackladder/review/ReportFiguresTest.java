package org.callbackladder.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.review.Summary.Figures;
import org.callbackladder.review.Summary.Slice;
import org.callbackladder.support.CallbackLadderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report figures on a hand-built week, every expected value worked out by hand below (not by the
 * same query). The week is Monday 3 to Sunday 9 March 2025 in New York, which ends with the change
 * to summer time (a week of 167 hours): a request at 00:30 on the Monday after, summer time, is
 * outside it, as is one at 23:59 the Sunday before. One request arrives at 23:30 and is first called
 * the next morning. Nothing else in the shared test database falls in early 2025.
 *
 * <pre>
 * request  channel      reason               queue        received (local)  first call       window   calls (agent, part of day, outcome)                 closed
 * R1       VOICEMAIL    APPOINTMENT_REQUEST  coordinators Mon 3  09:00      +600 s   (10m)   inside   casey morning REACHED                                 BOOKED
 * R2       WEB_FORM     NEW_PATIENT_...      coordinators Tue 4  23:30      +32400 s (9h)    inside   casey morning NO_ANSWER, jordan afternoon REACHED     ROUTED
 * R3       MISSED_CALL  REFERRAL_QUESTION    referrals    Thu 6  10:00      +14400 s (4h)    missed   riley midday NO_ANSWER                                open, records missing
 * R4       VOICEMAIL    APPOINTMENT_REQUEST  coordinators Sun 9  07:30 (summer time)  none    -        -                                                     open
 * R6       WEB_FORM     GENERAL              coordinators Fri 7  11:00      +1200 s  (20m)   inside   casey morning WRONG_NUMBER                            WRONG_NUMBER
 * outside  VOICEMAIL    GENERAL                           Sun 2  23:59 and Mon 10 00:30
 * </pre>
 *
 * First calls sorted: 600, 1200, 14400, 32400 s. Median (1200 + 14400) / 2 = 7800 s = 130.0 min;
 * 90th percentile at rank 0.9 x 3 = 2.7: 14400 + 0.7 x (32400 - 14400) = 27000 s = 450.0 min.
 */
@CallbackLadderTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresTest {

  static final ReportPeriod WEEK = new ReportPeriod(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-09"));

  @Autowired Reports reports;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  void handBuiltWeek() {
    ReportRows rows = new ReportRows(jdbc);
    UUID r1 = rows.request("VOICEMAIL", "APPOINTMENT_REQUEST", "callback-coordinators", "2025-03-03T09:00", "2025-03-03",
        "2025-03-03T10:00", "2025-03-03T09:10", 600, "2025-03-03T09:10", "CLOSED", "BOOKED", null, null);
    UUID r2 = rows.request("WEB_FORM", "NEW_PATIENT_APPOINTMENT", "callback-coordinators", "2025-03-04T23:30", "2025-03-04",
        "2025-03-05T09:00", "2025-03-05T08:30", 32400, "2025-03-05T15:30", "CLOSED", "ROUTED", null, null);
    UUID r3 = rows.request("MISSED_CALL", "REFERRAL_QUESTION", "referral-coordinators", "2025-03-06T10:00", "2025-03-06",
        "2025-03-06T12:00", "2025-03-06T14:00", 14400, null, "IN_PROGRESS", null, "2025-03-06T12:00", false);
    rows.request("VOICEMAIL", "APPOINTMENT_REQUEST", "callback-coordinators", "2025-03-09T07:30", "2025-03-09",
        "2025-03-09T09:00", null, null, null, "OPEN", null, null, null);
    UUID r6 = rows.request("WEB_FORM", "GENERAL", "callback-coordinators", "2025-03-07T11:00", "2025-03-07",
        "2025-03-07T12:00", "2025-03-07T11:20", 1200, null, "CLOSED", "WRONG_NUMBER", null, null);
    rows.request("VOICEMAIL", "GENERAL", "callback-coordinators", "2025-03-02T23:59", "2025-03-02", null, null, null, null, "OPEN",
        null, null, null);
    UUID after = rows.request("VOICEMAIL", "GENERAL", "callback-coordinators", "2025-03-10T00:30", "2025-03-10", null, null, null,
        null, "OPEN", null, null, null);

    rows.attempt(r1, 1, "casey", "REACHED", "2025-03-03T09:10", "morning");
    rows.attempt(r2, 1, "casey", "NO_ANSWER", "2025-03-05T08:30", "morning");
    rows.attempt(r2, 2, "jordan", "REACHED", "2025-03-05T15:30", "afternoon");
    rows.attempt(r3, 1, "riley", "NO_ANSWER", "2025-03-06T14:00", "midday");
    rows.attempt(r6, 1, "casey", "WRONG_NUMBER", "2025-03-07T11:20", "morning");
    rows.attempt(after, 1, "casey", "REACHED", "2025-03-10T09:00", "morning");

    rows.signal(r1, "CREATED", "2025-03-03T09:00");
    rows.signal(r1, "MERGED", "2025-03-03T12:00");
    rows.signal(after, "MERGED", "2025-03-10T09:00");

    rows.handOff(r2, "2025-03-05T09:00", "2025-03-05T09:12", 720, 0);
    rows.handOff(r3, "2025-03-06T15:00", null, null, 1);

    rows.message(r2, "SMS", "SENT", "2025-03-05T08:35");
    rows.message(r3, "EMAIL", "FAILED", "2025-03-06T14:05");
    rows.message(after, "SMS", "SENT", "2025-03-10T09:05");

    rows.optOut("2025-03-07T18:00");
    rows.optOut("2025-03-10T01:00");
  }

  @Test
  void theWeekOverall() {
    Summary summary = reports.summary(WEEK, GroupBy.NONE);
    Figures all = summary.overall();

    assertThat(summary.timeZone()).isEqualTo("America/New_York");
    assertThat(summary.groups()).isEmpty();
    assertThat(all.requests().received()).isEqualTo(5);
    assertThat(all.requests().mergedDuplicates()).isEqualTo(1);
    assertThat(all.requests().attempted()).isEqualTo(4);
    assertThat(all.requests().firstAttempt().medianMinutes()).isEqualTo(130.0);
    assertThat(all.requests().firstAttempt().p90Minutes()).isEqualTo(450.0);
    assertThat(all.requests().firstAttempt().insideWindow()).isEqualTo(3);
    // of the five, four were called and R4's window ran out uncalled
    assertThat(all.requests().firstAttempt().insideWindowShare()).isEqualTo(0.6);
    assertThat(all.requests().firstAttempt().distribution()).containsExactly(
        Map.entry("under 15 minutes", 1L), Map.entry("15 to 60 minutes", 1L), Map.entry("1 to 4 hours", 0L),
        Map.entry("4 to 24 hours", 2L), Map.entry("over 24 hours", 0L));
    assertThat(all.requests().missedWindows()).isEqualTo(1);
    assertThat(all.requests().reached()).isEqualTo(2);
    assertThat(all.requests().reachRate()).isEqualTo(0.5);
    assertThat(all.requests().booked()).isEqualTo(1);
    assertThat(all.requests().bookingRate()).isEqualTo(0.2);
    assertThat(all.requests().unresolved()).isEqualTo(2);
    assertThat(all.requests().closures()).containsOnly(
        Map.entry("BOOKED", 1L), Map.entry("ROUTED", 1L), Map.entry("WRONG_NUMBER", 1L));
    assertThat(all.requests().wrongNumbers()).isEqualTo(1);
    assertThat(all.requests().declined()).isZero();
    assertThat(all.requests().unreachable()).isZero();
    assertThat(all.requests().referralQuestions()).isEqualTo(1);
    assertThat(all.requests().stalledReferrals()).isEqualTo(1);

    assertThat(all.attempts().made()).isEqualTo(5);
    assertThat(all.attempts().reached()).isEqualTo(2);
    assertThat(all.attempts().reachRate()).isEqualTo(0.4);
    assertThat(all.attempts().byAttemptNumber()).containsExactly(new Slice("1", 4, 1, 0.25), new Slice("2", 1, 1, 1.0));
    assertThat(all.attempts().byDayPart()).containsExactly(
        new Slice("afternoon", 1, 1, 1.0), new Slice("midday", 1, 0, 0.0), new Slice("morning", 3, 1, 0.3333));

    assertThat(all.escalations().raised()).isEqualTo(2);
    assertThat(all.escalations().accepted()).isEqualTo(1);
    assertThat(all.escalations().medianMinutesToAcceptance()).isEqualTo(12.0);
    assertThat(all.escalations().unaccepted()).isEqualTo(1);

    assertThat(all.messages().byChannel()).containsOnly(
        Map.entry("EMAIL", Map.of("FAILED", 1L)), Map.entry("SMS", Map.of("SENT", 1L)));
    assertThat(all.messages().optOuts()).isEqualTo(1);
  }

  @Test
  void dailyVolumeCountsEachRequestOnThePracticeDayItArrived() {
    List<Summary.DailyVolume> daily = reports.summary(WEEK, GroupBy.NONE).daily();

    assertThat(daily).extracting(Summary.DailyVolume::date)
        .containsExactly(WEEK.from(), WEEK.from().plusDays(1), WEEK.from().plusDays(2), WEEK.from().plusDays(3),
            WEEK.from().plusDays(4), WEEK.from().plusDays(5), WEEK.to());
    assertThat(daily.get(0).byChannel()).containsOnly(Map.entry("VOICEMAIL", 1L));
    // 23:30 on Tuesday is Tuesday's, though its first call was on Wednesday
    assertThat(daily.get(1).byChannel()).containsOnly(Map.entry("WEB_FORM", 1L));
    assertThat(daily.get(2).byChannel()).isEmpty();
    assertThat(daily.get(3).byChannel()).containsOnly(Map.entry("MISSED_CALL", 1L));
    assertThat(daily.get(4).byChannel()).containsOnly(Map.entry("WEB_FORM", 1L));
    assertThat(daily.get(5).byChannel()).isEmpty();
    assertThat(daily.get(6).byChannel()).containsOnly(Map.entry("VOICEMAIL", 1L));
  }

  @Test
  void byCoordinatorARequestIsTheFirstCallersAndACallItsMakers() {
    Map<String, Figures> groups = byName(reports.summary(WEEK, GroupBy.COORDINATOR));

    assertThat(groups).containsOnlyKeys("casey", "jordan", "riley", "(no attempt yet)");
    assertThat(groups.get("casey").requests().received()).isEqualTo(3);
    assertThat(groups.get("casey").requests().booked()).isEqualTo(1);
    assertThat(groups.get("casey").attempts().made()).isEqualTo(3);
    assertThat(groups.get("casey").attempts().reached()).isEqualTo(1);
    assertThat(groups.get("jordan").requests().received()).isZero();
    assertThat(groups.get("jordan").attempts().made()).isEqualTo(1);
    assertThat(groups.get("jordan").attempts().reachRate()).isEqualTo(1.0);
    assertThat(groups.get("riley").requests().missedWindows()).isEqualTo(1);
    assertThat(groups.get("riley").escalations().unaccepted()).isEqualTo(1);
    assertThat(groups.get("(no attempt yet)").requests().received()).isEqualTo(1);
    assertThat(groups.get("(no attempt yet)").requests().unresolved()).isEqualTo(1);
    assertThat(groups.get("casey").messages().optOuts()).as("opt-outs belong to numbers, not groups").isNull();
  }

  @Test
  void byChannelAndByQueue() {
    Map<String, Figures> channels = byName(reports.summary(WEEK, GroupBy.CHANNEL));
    assertThat(channels).containsOnlyKeys("MISSED_CALL", "VOICEMAIL", "WEB_FORM");
    assertThat(channels.get("VOICEMAIL").requests().received()).isEqualTo(2);
    assertThat(channels.get("VOICEMAIL").requests().mergedDuplicates()).isEqualTo(1);
    assertThat(channels.get("VOICEMAIL").requests().firstAttempt().medianMinutes()).isEqualTo(10.0);
    assertThat(channels.get("WEB_FORM").requests().firstAttempt().medianMinutes()).as("(1200 + 32400) / 2 s").isEqualTo(280.0);
    assertThat(channels.get("WEB_FORM").messages().byChannel()).containsOnly(Map.entry("SMS", Map.of("SENT", 1L)));

    Map<String, Figures> queues = byName(reports.summary(WEEK, GroupBy.QUEUE));
    assertThat(queues.get("referral-coordinators").requests().stalledReferrals()).isEqualTo(1);
    assertThat(queues.get("callback-coordinators").requests().received()).isEqualTo(4);
    assertThat(queues.get("callback-coordinators").requests().bookingRate()).isEqualTo(0.25);
  }

  /** Grouped, the overall figures are the groups' added up (and the medians asked again): the same as ungrouped. */
  @Test
  void theOverallFiguresAreTheSameWhateverTheGrouping() {
    Figures ungrouped = reports.summary(WEEK, GroupBy.NONE).overall();
    for (GroupBy by : GroupBy.values()) {
      assertThat(reports.summary(WEEK, by).overall()).as(by.name()).isEqualTo(ungrouped);
    }
  }

  @Test
  void anEmptyPeriodHasZerosAndNoRates() {
    ReportPeriod quiet = new ReportPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-01"));

    Figures all = reports.summary(quiet, GroupBy.NONE).overall();

    assertThat(all.requests().received()).isZero();
    assertThat(all.requests().reachRate()).isNull();
    assertThat(all.requests().bookingRate()).isNull();
    assertThat(all.requests().firstAttempt().medianMinutes()).isNull();
    assertThat(all.attempts().made()).isZero();
    assertThat(all.attempts().byAttemptNumber()).isEmpty();
    assertThat(all.escalations().medianMinutesToAcceptance()).isNull();
    assertThat(all.messages().optOuts()).isZero();
    assertThat(reports.summary(quiet, GroupBy.CHANNEL).groups()).isEmpty();
  }

  @Test
  void twoPeriodsSideBySide() {
    ReportPeriod weekAfter = new ReportPeriod(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-16"));

    Reports.Comparison comparison = reports.compare(WEEK, weekAfter, GroupBy.NONE);

    assertThat(comparison.after().overall().requests().received()).isEqualTo(1);
    assertThat(comparison.changes()).filteredOn(change -> change.figure().equals("received"))
        .singleElement().satisfies(change -> {
          assertThat(change.before()).isEqualTo(5L);
          assertThat(change.after()).isEqualTo(1L);
          assertThat(change.change()).isEqualTo(-4.0);
        });
    assertThat(comparison.changes()).filteredOn(change -> change.figure().equals("booking rate"))
        .singleElement().satisfies(change -> assertThat(change.change()).as("0.2 before, no booking after").isEqualTo(-0.2));
  }

  private static Map<String, Figures> byName(Summary summary) {
    Map<String, Figures> groups = new HashMap<>();
    summary.groups().forEach(figures -> groups.put(figures.group(), figures));
    return groups;
  }

}
