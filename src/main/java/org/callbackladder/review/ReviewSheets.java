package org.callbackladder.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.review.Summary.Figures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sheets the reviews show practice managers: figures and request ids, never a patient's name,
 * number or words (the sheet is a process variable, and Camunda keeps those in its history).
 */
@Component
public class ReviewSheets {

  /** At most this many requests in one list of a sheet; the rest are counted. */
  static final int LISTED = 40;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final ReportQueries queries;
  private final CallbackRequestRepository requestRecords;
  private final JdbcTemplate jdbc;
  private final ReviewProperties.Weekly weekly;
  private final int bookedWithinDays;
  private final ZoneId zone;
  private final Clock clock;

  public ReviewSheets(ReportQueries queries, CallbackRequestRepository requestRecords, JdbcTemplate jdbc,
      ReviewProperties review, PracticeProperties practice, Clock clock) {
    this.queries = queries;
    this.requestRecords = requestRecords;
    this.jdbc = jdbc;
    this.weekly = review.weekly();
    this.bookedWithinDays = review.bookedWithinDays();
    this.zone = practice.timeZone();
    this.clock = clock;
  }

  /** Today's figures, every open request past its window, the referral-sensitive and flagged ones still open. */
  public String daily(ReportPeriod today) {
    Figures all = queries.figures(today.start(zone), today.end(zone), GroupBy.NONE).overall();
    Summary.Requests requests = all.requests();
    StringBuilder sheet = new StringBuilder("Daily callback review, " + DAY.format(today.from()) + " (" + zone.getId() + ")\n\n");
    sheet.append("Today\n");
    line(sheet, "Requests received: " + requests.received() + " (repeat signals merged into open requests: "
        + requests.mergedDuplicates() + ")");
    line(sheet, "Called: " + requests.attempted() + " of them; first call after a median of " + minutes(requests.firstAttempt().medianMinutes())
        + ", 90th percentile " + minutes(requests.firstAttempt().p90Minutes()) + "; inside the response window: "
        + requests.firstAttempt().insideWindow() + percent(requests.firstAttempt().insideWindowShare()));
    line(sheet, "Response windows missed: " + requests.missedWindows());
    line(sheet, "Patients reached: " + requests.reached() + " of " + requests.attempted() + " called"
        + percent(requests.reachRate()) + "; booked: " + requests.booked());
    line(sheet, "Calls made: " + all.attempts().made() + ", reaching the patient: " + all.attempts().reached()
        + percent(all.attempts().reachRate()) + "; made while the patient's window or the practice was closed: "
        + all.attempts().outsideWindow());
    line(sheet, "Appointments booked on calls: " + all.attempts().booked() + ", for within " + bookedWithinDays + " days: "
        + all.attempts().bookedWithinDays());
    line(sheet, "Clinical hand-offs: " + all.escalations().raised() + ", taken by the clinical team: "
        + all.escalations().accepted() + ", not taken in time: " + all.escalations().unaccepted());
    line(sheet, "Follow-up messages: " + messages(all.messages().byChannel()) + "; opt-outs: " + all.messages().optOuts());

    Instant now = clock.instant();
    list(sheet, "Past their response window, first call not made", "select r.id, r.queue, r.received_at, r.first_attempt_due_at"
        + " from open_callback o join callback_request r on r.id = o.callback_request_id"
        + " where r.first_attempt_at is null and r.first_attempt_due_at < ? order by r.first_attempt_due_at, r.id",
        row -> "request " + row.getString(1) + ", " + row.getString(2) + ", waiting " + hours(row, 3, now) + ", was due "
            + TIME.format(instant(row, 4).atZone(zone)), Timestamp.from(now));
    list(sheet, "Referral-sensitive or clinically flagged, still open", "select r.id, r.queue, r.received_at, r.screening,"
        + " r.channel, r.reason, r.records_received from open_callback o join callback_request r on r.id = o.callback_request_id"
        + " where r.screening <> 'NONE' or r.channel = 'REFERRAL' or r.reason = 'REFERRAL_QUESTION'"
        + " order by r.received_at, r.id",
        row -> "request " + row.getString(1) + ", " + row.getString(2) + ", open " + hours(row, 3, now)
            + (!"NONE".equals(row.getString(4)) ? ", clinically flagged (" + row.getString(4).toLowerCase(Locale.ROOT) + ")" : "")
            + ("REFERRAL".equals(row.getString(5)) || "REFERRAL_QUESTION".equals(row.getString(6))
                ? ", referral" + (Boolean.FALSE.equals(row.getObject(7, Boolean.class)) ? ", records not received" : "") : ""));
    sheet.append("\nStalled referrals (open, records not received): ").append(requestRecords.countOpenReferralsWithoutRecords())
        .append('\n');
    return sheet.toString();
  }

  /**
   * Booking and reach over the last weeks, reach by part of the patient's day with a suggestion when
   * one part is clearly better or worse, and the most common blockers.
   */
  public String weekly(LocalDate lastDay) {
    StringBuilder sheet = new StringBuilder("Weekly callback review, the " + weekly.weeks() + " weeks to "
        + DAY.format(lastDay) + " (" + zone.getId() + ")\n\nBooking and reach, week by week (requests received that week)\n");
    for (int week = weekly.weeks() - 1; week >= 0; week--) {
      ReportPeriod period = new ReportPeriod(lastDay.minusDays(7L * week + 6), lastDay.minusDays(7L * week));
      Summary.Requests requests = figures(period, GroupBy.NONE).overall().requests();
      line(sheet, "week from " + period.from() + ": " + requests.received() + " received, " + requests.booked() + " booked"
          + percent(requests.bookingRate()) + ", reached " + requests.reached() + percent(requests.reachRate()));
    }

    ReportPeriod all = new ReportPeriod(lastDay.minusDays(7L * weekly.weeks() - 1), lastDay);
    Figures whole = figures(all, GroupBy.NONE).overall();
    sheet.append("\nReach by part of the patient's day (calls over the ").append(weekly.weeks()).append(" weeks)\n");
    for (Summary.Slice part : whole.attempts().byDayPart()) {
      line(sheet, part.name() + ": " + part.made() + " calls, " + part.reached() + " reached" + percent(part.reachRate())
          + dayPartAdvice(part, whole.attempts()));
    }
    if (whole.attempts().byDayPart().isEmpty()) {
      line(sheet, "no calls yet");
    }

    sheet.append("\nCommon blockers\n");
    int before = sheet.length();
    int half = weekly.weeks() / 2;
    ReportPeriod recent = new ReportPeriod(lastDay.minusDays(7L * half - 1), lastDay);
    ReportPeriod earlier = new ReportPeriod(recent.from().minusDays(7L * half), recent.from().minusDays(1));
    List<Figures> recentReasons = figures(recent, GroupBy.REASON).groups();
    long recentRequests = recentReasons.stream().mapToLong(group -> group.requests().received()).sum();
    double recentShare = share(recentReasons, "INSURANCE_QUESTION");
    double earlierShare = share(figures(earlier, GroupBy.REASON).groups(), "INSURANCE_QUESTION");
    if (recentRequests >= weekly.minimumSample() && recentShare >= earlierShare + weekly.clearDifference()) {
      line(sheet, "Insurance questions are " + percentOf(recentShare) + " of requests in the last " + half + " weeks, up from "
          + percentOf(earlierShare) + ": a verification step before the callback (eligibility checked when the request"
          + " arrives) would spare patients a second call.");
    }
    long stalled = requestRecords.countOpenReferralsWithoutRecords();
    if (stalled > 0) {
      line(sheet, stalled + " referral callbacks are stalled on records not received: ask the referring offices to send"
          + " records with the referral, or agree a hand-off with them.");
    }
    long closed = whole.requests().closures().values().stream().mapToLong(Long::longValue).sum();
    long wrong = whole.requests().wrongNumbers();
    if (closed >= weekly.minimumSample() && (double) wrong / closed >= weekly.clearDifference()) {
      line(sheet, "Wrong numbers closed " + wrong + " of " + closed + " requests" + percent(ReportQueries.share(wrong, closed))
          + ": check how numbers are taken at intake (read back, confirm the type of number).");
    }
    if (sheet.length() == before) {
      line(sheet, "none stands out");
    }
    return sheet.toString();
  }

  private ReportQueries.Grouped figures(ReportPeriod period, GroupBy by) {
    return queries.figures(period.start(zone), period.end(zone), by);
  }

  /** "Clearly better" or "clearly worse" than the rest of the day, with enough calls behind it; else nothing. */
  private String dayPartAdvice(Summary.Slice part, Summary.Attempts whole) {
    long restMade = whole.made() - part.made();
    long restReached = whole.reached() - part.reached();
    if (part.made() < weekly.minimumSample() || restMade < weekly.minimumSample()) {
      return "";
    }
    double rest = (double) restReached / restMade;
    double here = (double) part.reached() / part.made();
    if (here >= rest + weekly.clearDifference()) {
      return ": clearly better than the rest of the day (" + percentOf(rest) + "): consider more calls in the " + part.name();
    }
    if (here <= rest - weekly.clearDifference()) {
      return ": clearly worse than the rest of the day (" + percentOf(rest) + "): consider moving calls out of the "
          + part.name();
    }
    return "";
  }

  private static double share(List<Figures> byReason, String reason) {
    long all = byReason.stream().mapToLong(group -> group.requests().received()).sum();
    long these = byReason.stream().filter(group -> group.group().equals(reason)).mapToLong(group -> group.requests().received())
        .sum();
    return all == 0 ? 0 : (double) these / all;
  }

  private interface RowText {
    String of(ResultSet row) throws SQLException;
  }

  private void list(StringBuilder sheet, String heading, String sql, RowText text, Object... arguments) {
    List<String> lines = new ArrayList<>();
    jdbc.query(sql, (ResultSet row) -> {
      lines.add(text.of(row));
    }, arguments);
    sheet.append('\n').append(heading).append(": ").append(lines.size()).append('\n');
    lines.stream().limit(LISTED).forEach(each -> line(sheet, each));
    if (lines.size() > LISTED) {
      line(sheet, "and " + (lines.size() - LISTED) + " more: GET /api/reports/unresolved lists them all");
    }
  }

  private static void line(StringBuilder sheet, String text) {
    sheet.append("- ").append(text).append('\n');
  }

  private static String messages(Map<String, Map<String, Long>> byChannel) {
    if (byChannel.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    byChannel.forEach((channel, statuses) -> statuses.forEach((status, count) ->
        parts.add(count + " " + channel.toLowerCase(Locale.ROOT) + " " + status.toLowerCase(Locale.ROOT))));
    return String.join(", ", parts);
  }

  private static String minutes(Double minutes) {
    if (minutes == null) {
      return "-";
    }
    long whole = Math.round(minutes);
    return whole < 60 ? whole + " min" : whole / 60 + " h " + whole % 60 + " min";
  }

  private static String percent(Double share) {
    return share == null ? "" : " (" + percentOf(share) + ")";
  }

  private static String percentOf(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String hours(ResultSet row, int column, Instant now) throws SQLException {
    return Math.round(Duration.between(instant(row, column), now).toMinutes() / 6.0) / 10.0 + " h";
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }
}
