package org.callbackladder.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of one period, overall and per group, in the practice's time zone. Request figures
 * count the requests received in the period (whatever happened to them since); attempt figures the
 * attempts made in it; escalations, messages and opt-outs what happened in it (ADR 0003).
 */
public record Summary(
    LocalDate from,
    LocalDate to,
    String timeZone,
    String groupBy,
    List<Integer> ladderVersions,
    Figures overall,
    List<Figures> groups,
    List<DailyVolume> daily) {

  /** One group's figures ("all" overall). */
  public record Figures(String group, Requests requests, Attempts attempts, Escalations escalations, Messages messages) {}

  /**
   * The period's requests: received, merged repeat signals, first attempts (how soon, how many inside
   * the response window), missed windows, reached (someone spoke with the patient), booked, still
   * open, and how the others closed.
   */
  public record Requests(
      long received,
      long mergedDuplicates,
      long attempted,
      FirstAttempt firstAttempt,
      long missedWindows,
      long reached,
      Double reachRate,
      long booked,
      Double bookingRate,
      long unresolved,
      long wrongNumbers,
      long declined,
      long unreachable,
      Map<String, Long> closures,
      long referralQuestions,
      long stalledReferrals) {}

  /** Time from a request's arrival to its first call: median, 90th percentile, inside the window, spread. */
  public record FirstAttempt(
      Double medianMinutes, Double p90Minutes, long insideWindow, Double insideWindowShare, Map<String, Long> distribution) {}

  /**
   * Calls made in the period, and how many reached the patient, overall, by attempt number and by
   * part of the patient's day; how many were made outside the patient's window or practice hours
   * (each with the reason the coordinator gave); and how many booked an appointment, and how many
   * of those for within {@code callback.review.booked-within-days} practice days of the call.
   */
  public record Attempts(long made, long reached, Double reachRate, List<Slice> byAttemptNumber, List<Slice> byDayPart,
      long outsideWindow, long booked, long bookedWithinDays) {}

  public record Slice(String name, long made, long reached, Double reachRate) {}

  /** Clinical hand-offs raised in the period: taken by the clinical team, how fast, and those nobody took in time. */
  public record Escalations(long raised, long accepted, Double medianMinutesToAcceptance, long unaccepted) {}

  /** Follow-up and final messages queued in the period by channel and status; opt-outs (overall only). */
  public record Messages(Map<String, Map<String, Long>> byChannel, Long optOuts) {}

  /** Requests received on one practice day, by channel. */
  public record DailyVolume(LocalDate date, Map<String, Long> byChannel) {}
}
