package org.callbackladder.review;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.callbackladder.review.Summary.Attempts;
import org.callbackladder.review.Summary.DailyVolume;
import org.callbackladder.review.Summary.Escalations;
import org.callbackladder.review.Summary.Figures;
import org.callbackladder.review.Summary.FirstAttempt;
import org.callbackladder.review.Summary.Messages;
import org.callbackladder.review.Summary.Requests;
import org.callbackladder.review.Summary.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The report figures in SQL that runs on PostgreSQL and H2 alike: one query per family of figures,
 * each over one period's index range and grouped by one dimension (ADR 0003).
 */
@Repository
class ReportQueries {

  /** Outcomes on which someone spoke with the patient (AttemptOutcome.spokeWithPatient). */
  private static final String SPOKE = "a.outcome in (" + ReportFactsBackfill.SPOKE_WITH_PATIENT + ")";

  /** How long patients waited for the first call, in buckets a manager reads. */
  static final Map<String, String> WAIT_BUCKETS = bucketColumns();

  private final JdbcTemplate jdbc;
  private final ReviewProperties review;
  private final Clock clock;

  ReportQueries(JdbcTemplate jdbc, ReviewProperties review, Clock clock) {
    this.review = review;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A period's figures overall, and per group (in the order of the groups' names) unless grouped by nothing. */
  record Grouped(Figures overall, List<Figures> groups) {}

  /**
   * Every figure of the period. Grouped, the overall counts are the groups' added up (each request,
   * call, hand-off and message is in exactly one group), so only the medians are asked again.
   */
  Grouped figures(Instant start, Instant end, GroupBy by) {
    Timestamp from = Timestamp.from(start);
    Timestamp to = Timestamp.from(end);
    Map<String, Tally> groups = tallies(from, to, by);
    Long optOuts = jdbc.queryForObject("select count(*) from patient_contact_change where field = 'textConsent'"
        + " and new_value = 'false' and source not like 'intake %' and changed_at >= ? and changed_at < ?", Long.class, from, to);
    if (by == GroupBy.NONE) {
      return new Grouped(groups.values().iterator().next().figures(optOuts), List.of());
    }
    Tally all = new Tally("all");
    groups.values().forEach(all::add);
    jdbc.query("select percentile_cont(0.5) within group (order by r.first_attempt_seconds),"
        + " percentile_cont(0.9) within group (order by r.first_attempt_seconds)"
        + " from callback_request r where r.received_at >= ? and r.received_at < ?", (ResultSet row) -> {
          all.firstMedianSeconds = number(row, 1);
          all.firstP90Seconds = number(row, 2);
        }, from, to);
    all.acceptanceMedianSeconds = jdbc.query("select percentile_cont(0.5) within group (order by h.accepted_after_seconds)"
        + " from clinical_handoff h where h.created_at >= ? and h.created_at < ?",
        (ResultSet row) -> row.next() ? number(row, 1) : null, from, to);
    return new Grouped(all.figures(optOuts), groups.values().stream().map(t -> t.figures(null)).toList());
  }

  private Map<String, Tally> tallies(Timestamp from, Timestamp to, GroupBy by) {
    Map<String, Tally> groups = new TreeMap<>();
    Function<String, Tally> group = name -> groups.computeIfAbsent(name, Tally::new);
    String dim = by.requestColumn();

    StringBuilder buckets = new StringBuilder();
    WAIT_BUCKETS.forEach((name, condition) -> buckets.append(", sum(case when ").append(condition).append(" then 1 else 0 end)"));
    jdbc.query("select " + dim + ", count(*),"
        + " sum(case when r.first_attempt_at is not null then 1 else 0 end),"
        + " percentile_cont(0.5) within group (order by r.first_attempt_seconds),"
        + " percentile_cont(0.9) within group (order by r.first_attempt_seconds),"
        + " sum(case when r.first_attempt_at <= r.first_attempt_due_at then 1 else 0 end),"
        + " sum(case when r.response_window_missed_at is not null then 1 else 0 end),"
        + " sum(case when r.reached_at is not null then 1 else 0 end),"
        + " sum(case when r.status <> 'CLOSED' then 1 else 0 end),"
        + " sum(case when r.reason = 'REFERRAL_QUESTION' then 1 else 0 end),"
        + " sum(case when r.status <> 'CLOSED' and r.records_received = false"
        + "   and (r.channel = 'REFERRAL' or r.reason = 'REFERRAL_QUESTION') then 1 else 0 end)"
        + buckets
        // whose window has run out by now, or who were called: the share inside the window is of these
        + ", sum(case when r.first_attempt_at is not null or r.first_attempt_due_at < ? then 1 else 0 end)"
        + " from callback_request r where r.received_at >= ? and r.received_at < ?"
        + groupBy(by, dim), (ResultSet row) -> {
          Tally t = group.apply(row.getString(1));
          t.received = row.getLong(2);
          t.attempted = row.getLong(3);
          t.firstMedianSeconds = number(row, 4);
          t.firstP90Seconds = number(row, 5);
          t.insideWindow = row.getLong(6);
          t.missedWindows = row.getLong(7);
          t.reached = row.getLong(8);
          t.unresolved = row.getLong(9);
          t.referralQuestions = row.getLong(10);
          t.stalledReferrals = row.getLong(11);
          int column = 12;
          for (String bucket : WAIT_BUCKETS.keySet()) {
            t.waits.put(bucket, row.getLong(column++));
          }
          t.windowDue = row.getLong(column);
        }, Timestamp.from(clock.instant()), from, to);

    jdbc.query("select " + dim + ", r.closure_reason, count(*) from callback_request r"
        + " where r.received_at >= ? and r.received_at < ? and r.closure_reason is not null"
        + groupBy(by, dim, "r.closure_reason"),
        (ResultSet row) -> { group.apply(row.getString(1)).closures.put(row.getString(2), row.getLong(3)); }, from, to);

    // a repeat signal counts for the channel it came by
    String signalDim = by == GroupBy.CHANNEL ? "s.channel" : dim;
    jdbc.query("select " + signalDim + ", count(*) from callback_signal s" + requestOf(by, "s")
        + " where s.outcome = 'MERGED' and s.received_at >= ? and s.received_at < ?" + groupBy(by, signalDim),
        (ResultSet row) -> { group.apply(row.getString(1)).merged = row.getLong(2); }, from, to);

    String attemptDim = by.attemptColumn();
    jdbc.query("select " + attemptDim + ", a.attempt_number, coalesce(a.day_part, '(not recorded)'), count(*),"
        + " sum(case when " + SPOKE + " then 1 else 0 end),"
        + " sum(case when a.outside_window_reason is not null then 1 else 0 end),"
        + " sum(case when a.appointment_in_days is not null then 1 else 0 end),"
        + " sum(case when a.appointment_in_days <= ? then 1 else 0 end)"
        + " from call_attempt a" + (by.attemptNeedsRequest() ? " join callback_request r on r.id = a.callback_request_id" : "")
        + " where a.completed_at >= ? and a.completed_at < ?"
        + groupBy(by, attemptDim, "a.attempt_number", "a.day_part"),
        (ResultSet row) -> {
          Tally t = group.apply(row.getString(1));
          long[] counts = {row.getLong(4), row.getLong(5)};
          Tally.add(t.byAttempt.computeIfAbsent(row.getInt(2), n -> new long[2]), counts);
          Tally.add(t.byDayPart.computeIfAbsent(row.getString(3), n -> new long[2]), counts);
          t.outsideWindow += row.getLong(6);
          t.booked += row.getLong(7);
          t.bookedWithin += row.getLong(8);
        }, review.bookedWithinDays(), from, to);

    jdbc.query("select " + dim + ", count(*), sum(case when h.claimed_at is not null then 1 else 0 end),"
        + " percentile_cont(0.5) within group (order by h.accepted_after_seconds),"
        + " sum(case when h.escalations > 0 then 1 else 0 end)"
        + " from clinical_handoff h" + requestOf(by, "h")
        + " where h.created_at >= ? and h.created_at < ?" + groupBy(by, dim),
        (ResultSet row) -> {
          Tally t = group.apply(row.getString(1));
          t.escalations = row.getLong(2);
          t.accepted = row.getLong(3);
          t.acceptanceMedianSeconds = number(row, 4);
          t.unaccepted = row.getLong(5);
        }, from, to);

    jdbc.query("select " + dim + ", m.channel, m.status, count(*)"
        + " from outbox_message m" + requestOf(by, "m")
        + " where m.kind in ('FOLLOW_UP', 'FINAL') and m.created_at >= ? and m.created_at < ?"
        + groupBy(by, dim, "m.channel", "m.status"),
        (ResultSet row) -> {
          group.apply(row.getString(1)).messages.computeIfAbsent(row.getString(2), c -> new TreeMap<>())
              .put(row.getString(3), row.getLong(4));
        }, from, to);

    return groups;
  }

  /** Requests received on each practice day of the period, by channel. */
  List<DailyVolume> daily(LocalDate from, LocalDate to) {
    Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
    jdbc.query("select r.received_on, r.channel, count(*) from callback_request r"
        + " where r.received_on >= ? and r.received_on <= ? group by r.received_on, r.channel",
        (ResultSet row) -> {
          days.computeIfAbsent(row.getDate(1).toLocalDate(), d -> new TreeMap<>()).put(row.getString(2), row.getLong(3));
        }, Date.valueOf(from), Date.valueOf(to));
    List<DailyVolume> volume = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      volume.add(new DailyVolume(day, days.getOrDefault(day, Map.of())));
    }
    return volume;
  }

  /** The join to the request of row {@code alias}, when the figures are grouped by something of the request's. */
  private static String requestOf(GroupBy by, String alias) {
    return by == GroupBy.NONE ? "" : " join callback_request r on r.id = " + alias + ".callback_request_id";
  }

  /** The group-by clause: the dimension (none overall: PostgreSQL refuses a constant there), then {@code more}. */
  private static String groupBy(GroupBy by, String dim, String... more) {
    List<String> columns = new ArrayList<>();
    if (by != GroupBy.NONE) {
      columns.add(dim);
    }
    columns.addAll(List.of(more));
    return columns.isEmpty() ? "" : " group by " + String.join(", ", columns);
  }

  private static Double number(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }

  private static Map<String, String> bucketColumns() {
    Map<String, String> buckets = new LinkedHashMap<>();
    buckets.put("under 15 minutes", "r.first_attempt_seconds < 900");
    buckets.put("15 to 60 minutes", "r.first_attempt_seconds >= 900 and r.first_attempt_seconds < 3600");
    buckets.put("1 to 4 hours", "r.first_attempt_seconds >= 3600 and r.first_attempt_seconds < 14400");
    buckets.put("4 to 24 hours", "r.first_attempt_seconds >= 14400 and r.first_attempt_seconds < 86400");
    buckets.put("over 24 hours", "r.first_attempt_seconds >= 86400");
    return buckets;
  }

  /** One group's counts while the queries fill them in. */
  private static final class Tally {
    final String name;
    long received;
    long merged;
    long attempted;
    Double firstMedianSeconds;
    Double firstP90Seconds;
    long insideWindow;
    long windowDue;
    long missedWindows;
    long reached;
    long unresolved;
    long referralQuestions;
    long stalledReferrals;
    final Map<String, Long> waits = new LinkedHashMap<>();
    final Map<String, Long> closures = new TreeMap<>();
    final Map<Integer, long[]> byAttempt = new TreeMap<>();
    final Map<String, long[]> byDayPart = new TreeMap<>();
    long outsideWindow;
    long booked;
    long bookedWithin;
    long escalations;
    long accepted;
    Double acceptanceMedianSeconds;
    long unaccepted;
    final Map<String, Map<String, Long>> messages = new TreeMap<>();

    Tally(String name) {
      this.name = name;
      WAIT_BUCKETS.keySet().forEach(bucket -> waits.put(bucket, 0L));
    }

    /** Another group's counts added to this one's (not its medians: those are asked for the whole). */
    void add(Tally other) {
      received += other.received;
      merged += other.merged;
      attempted += other.attempted;
      insideWindow += other.insideWindow;
      windowDue += other.windowDue;
      missedWindows += other.missedWindows;
      reached += other.reached;
      unresolved += other.unresolved;
      referralQuestions += other.referralQuestions;
      stalledReferrals += other.stalledReferrals;
      other.waits.forEach((bucket, count) -> waits.merge(bucket, count, Long::sum));
      other.closures.forEach((reason, count) -> closures.merge(reason, count, Long::sum));
      other.byAttempt.forEach((number, counts) -> add(byAttempt.computeIfAbsent(number, n -> new long[2]), counts));
      other.byDayPart.forEach((part, counts) -> add(byDayPart.computeIfAbsent(part, n -> new long[2]), counts));
      outsideWindow += other.outsideWindow;
      booked += other.booked;
      bookedWithin += other.bookedWithin;
      escalations += other.escalations;
      accepted += other.accepted;
      unaccepted += other.unaccepted;
      other.messages.forEach((channel, statuses) -> statuses.forEach((status, count) ->
          messages.computeIfAbsent(channel, c -> new TreeMap<>()).merge(status, count, Long::sum)));
    }

    private static void add(long[] into, long[] counts) {
      into[0] += counts[0];
      into[1] += counts[1];
    }

    Figures figures(Long optOuts) {
      long booked = closures.getOrDefault("BOOKED", 0L);
      Requests requests = new Requests(received, merged, attempted,
          new FirstAttempt(minutes(firstMedianSeconds), minutes(firstP90Seconds), insideWindow, share(insideWindow, windowDue),
              waits),
          missedWindows, reached, share(reached, attempted), booked, share(booked, received), unresolved,
          closures.getOrDefault("WRONG_NUMBER", 0L), closures.getOrDefault("DECLINED", 0L),
          closures.getOrDefault("UNREACHABLE", 0L), closures, referralQuestions, stalledReferrals);
      long made = byAttempt.values().stream().mapToLong(counts -> counts[0]).sum();
      long reachedCalls = byAttempt.values().stream().mapToLong(counts -> counts[1]).sum();
      List<Slice> attempts = byAttempt.entrySet().stream()
          .map(e -> slice(String.valueOf(e.getKey()), e.getValue())).toList();
      List<Slice> dayParts = byDayPart.entrySet().stream().map(e -> slice(e.getKey(), e.getValue())).toList();
      return new Figures(name, requests,
          new Attempts(made, reachedCalls, share(reachedCalls, made), attempts, dayParts, outsideWindow, booked, bookedWithin),
          new Escalations(escalations, accepted, minutes(acceptanceMedianSeconds), unaccepted),
          new Messages(messages, optOuts));
    }

    private static Slice slice(String name, long[] counts) {
      return new Slice(name, counts[0], counts[1], share(counts[1], counts[0]));
    }
  }

  /** A share with four decimals, or null when there is nothing to share. */
  static Double share(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
  }

  private static Double minutes(Double seconds) {
    return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
  }
}
