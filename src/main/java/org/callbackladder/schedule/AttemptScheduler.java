package org.callbackladder.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callbackladder.practice.ScheduleProperties;
import org.callbackladder.practice.TimeRange;
import org.springframework.stereotype.Component;

/**
 * Picks when an attempt may be made. Windows are never broken: every attempt is inside practice
 * hours (not on a holiday) and inside the patient's calling window in their own time zone. Within
 * that window, and outside work hours for a patient who asked for that, in order: the patient's
 * preferred times when any are in reach, a later practice day for the last attempt, and a part of
 * the patient's day not tried yet.
 */
@Component
public class AttemptScheduler {

  private final PracticeCalendar calendar;
  private final ScheduleProperties schedule;

  public AttemptScheduler(PracticeCalendar calendar, ScheduleProperties schedule) {
    this.calendar = calendar;
    this.schedule = schedule;
  }

  /**
   * The patient's side of scheduling: where they are, when they asked to be called, and whether they
   * asked not to be contacted during work hours.
   */
  public record Patient(ZoneId zone, List<TimeRange> preferences, boolean notDuringWorkHours) {}

  /**
   * The next attempt after {@code lastAttemptAt} (at least the minimum gap later), or empty when
   * practice hours and the patient's window do not meet within the search horizon.
   *
   * @param laterThan for the last attempt, the practice date it must come after; null otherwise
   */
  public Optional<ScheduledAttempt> nextAttempt(
      Instant lastAttemptAt, Patient patient, Set<String> triedDayParts, LocalDate laterThan) {
    List<ScheduledAttempt> pool = slots(lastAttemptAt.plus(schedule.minimumGap()), patient);
    List<String> why = new ArrayList<>(List.of("inside practice hours and the patient's calling window"));
    if (patient.notDuringWorkHours()) {
      why.add("outside work hours (" + schedule.workHours() + "), as the patient asked");
    }
    List<ScheduledAttempt> preferred = preferred(pool, patient);
    if (!preferred.isEmpty()) {
      pool = preferred;
      why.add("at a time the patient asked for");
    }
    if (laterThan != null && schedule.lastAttemptOnLaterDay()) {
      List<ScheduledAttempt> later = pool.stream().filter(s -> calendar.localDate(s.at()).isAfter(laterThan)).toList();
      if (!later.isEmpty()) {
        pool = later;
        why.add("on a later practice day for the last attempt");
      }
    }
    List<ScheduledAttempt> candidates = pool;
    Optional<ScheduledAttempt> untried =
        candidates.stream().filter(slot -> !triedDayParts.contains(slot.dayPart())).findFirst();
    if (untried.isPresent() && !triedDayParts.isEmpty()) {
      why.add("in a part of the patient's day not tried yet");
    }
    return untried.or(() -> candidates.stream().findFirst()).map(slot -> slot.because(String.join(", ", why)));
  }

  /** The first moment from {@code from} on when the practice is open and the patient may be called. */
  public Optional<Instant> earliestCall(Instant from, Patient patient) {
    return windows(from, patient).stream().map(Interval::start).findFirst();
  }

  /** When the patient may still be called today (the practice's date), from {@code now} on. */
  public List<Interval> callableToday(Instant now, Patient patient) {
    LocalDate today = calendar.localDate(now);
    return windows(now, patient).stream().filter(window -> calendar.localDate(window.start()).equals(today)).toList();
  }

  /** The part of the patient's day an attempt at this instant falls in, if any. */
  public Optional<String> dayPartOf(Instant instant, ZoneId patientZone) {
    return schedule.dayPartAt(instant.atZone(patientZone).toLocalTime());
  }

  /**
   * Practice hours within the patient's calling window (less their work hours, if they asked), from
   * {@code from} on, in time order.
   */
  private List<Interval> windows(Instant from, Patient patient) {
    ZoneId patientZone = patient.zone();
    Interval notBefore = new Interval(from, Instant.MAX);
    List<Interval> windows = new ArrayList<>();
    LocalDate day = calendar.localDate(from);
    for (int i = 0; i < schedule.searchDays(); i++, day = day.plusDays(1)) {
      for (Interval open : calendar.openingHours(day)) {
        for (LocalDate patientDay : patientDays(open, patientZone)) {
          Interval window = open.intersect(PracticeCalendar.during(patientDay, schedule.callingWindow(), patientZone))
              .intersect(notBefore);
          windows.addAll(patient.notDuringWorkHours() && schedule.workHours().on(patientDay.getDayOfWeek())
              ? window.minus(PracticeCalendar.during(patientDay, schedule.workHours().hours(), patientZone))
              : window.isEmpty() ? List.of() : List.of(window));
        }
      }
    }
    windows.sort(Comparator.comparing(Interval::start));
    return windows;
  }

  /** Each window split by the parts of the patient's day: the earliest moment in each. */
  private List<ScheduledAttempt> slots(Instant from, Patient patient) {
    ZoneId patientZone = patient.zone();
    List<ScheduledAttempt> slots = new ArrayList<>();
    for (Interval window : windows(from, patient)) {
      LocalDate patientDay = window.start().atZone(patientZone).toLocalDate();
      for (ScheduleProperties.DayPart part : schedule.dayParts()) {
        Interval slot = window.intersect(PracticeCalendar.during(patientDay, part.range(), patientZone));
        if (!slot.isEmpty()) {
          slots.add(new ScheduledAttempt(slot.start(), slot.end(), part.name()));
        }
      }
    }
    slots.sort(Comparator.comparing(ScheduledAttempt::at));
    return slots;
  }

  /** The slots narrowed to the patient's preferred times, where they meet. */
  private static List<ScheduledAttempt> preferred(List<ScheduledAttempt> slots, Patient patient) {
    List<ScheduledAttempt> preferred = new ArrayList<>();
    for (ScheduledAttempt slot : slots) {
      LocalDate patientDay = slot.at().atZone(patient.zone()).toLocalDate();
      for (TimeRange range : patient.preferences()) {
        Interval meet = new Interval(slot.at(), slot.until())
            .intersect(PracticeCalendar.during(patientDay, range, patient.zone()));
        if (!meet.isEmpty()) {
          preferred.add(new ScheduledAttempt(meet.start(), meet.end(), slot.dayPart()));
        }
      }
    }
    preferred.sort(Comparator.comparing(ScheduledAttempt::at));
    return preferred;
  }

  /** The patient's dates an open interval touches (one, or two when they live far away). */
  private static List<LocalDate> patientDays(Interval open, ZoneId patientZone) {
    LocalDate first = open.start().atZone(patientZone).toLocalDate();
    LocalDate last = open.end().atZone(patientZone).toLocalDate();
    return first.equals(last) ? List.of(first) : List.of(first, last);
  }

  /** An attempt time, how long that slot lasts, the part of the patient's day it is in, and why. */
  public record ScheduledAttempt(Instant at, Instant until, String dayPart, String why) {

    ScheduledAttempt(Instant at, Instant until, String dayPart) {
      this(at, until, dayPart, null);
    }

    ScheduledAttempt because(String reason) {
      return new ScheduledAttempt(at, until, dayPart, reason);
    }
  }
}
