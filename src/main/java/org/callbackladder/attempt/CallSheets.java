package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.CallSheet.ATTEMPT_HISTORY;
import static org.callbackladder.CallbackProcess.CallSheet.WHAT_HAPPENS_NEXT;
import static org.callbackladder.CallbackProcess.CallSheet.TODAY;
import static org.callbackladder.CallbackProcess.CallSheet.LANGUAGE_CUE;
import static org.callbackladder.CallbackProcess.CallSheet.EMAIL;
import static org.callbackladder.CallbackProcess.CallSheet.DATE_OF_BIRTH;
import static org.callbackladder.CallbackProcess.CallSheet.ARRIVED;
import static org.callbackladder.CallbackProcess.CallSheet.HEADING;
import static org.callbackladder.CallbackProcess.CallSheet.ATTEMPT_LABEL;
import static org.callbackladder.CallbackProcess.CallSheet.CALL_SCRIPT;
import static org.callbackladder.CallbackProcess.CallSheet.CLINICAL_TEAM_NOTE;
import static org.callbackladder.CallbackProcess.CallSheet.CONTACT_PLAN;
import static org.callbackladder.CallbackProcess.CallSheet.PATIENT_MESSAGE;
import static org.callbackladder.CallbackProcess.CallSheet.PATIENT_NAME;
import static org.callbackladder.CallbackProcess.CallSheet.PATIENT_PHONE;
import static org.callbackladder.CallbackProcess.CallSheet.PATIENT_TIME;
import static org.callbackladder.CallbackProcess.CallSheet.PREFERRED_TIMES;
import static org.callbackladder.CallbackProcess.CallSheet.REASON_LABEL;
import static org.callbackladder.CallbackProcess.CallSheet.REFERRAL_NOTE;
import static org.callbackladder.CallbackProcess.CallSheet.SAFETY_LINES;
import static org.callbackladder.CallbackProcess.CallSheet.UNKNOWN_CALLER;
import static org.callbackladder.CallbackProcess.CallSheet.WHY_HERE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.callbackladder.contact.CallScript;
import org.callbackladder.contact.ContactPolicy;
import org.callbackladder.contact.ScriptCatalog;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.practice.ScheduleProperties;
import org.callbackladder.practice.TimeRange;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.Channel;
import org.callbackladder.request.PhoneNumbers;
import org.callbackladder.request.Screening;
import org.callbackladder.schedule.Interval;
import org.callbackladder.schedule.NextAttemptPlanner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the coordinator sees before dialling: who, which number, why, what the patient already told
 * us (every signal, merged ones included), what happened on earlier attempts, and the script for
 * the reason. Shown as plain text.
 */
@Service
public class CallSheets {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.US);
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
  private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US);

  private final CallbackRequestRepository requests;
  private final CallAttemptRepository attempts;
  private final CallbackSignalRepository signals;
  private final ScriptCatalog scripts;
  private final ContactPolicy contactPolicy;
  private final PhoneNumbers phoneNumbers;
  private final PracticeProperties practice;
  private final ScheduleProperties schedule;
  private final NextAttemptPlanner planner;
  private final NextSteps nextSteps;
  private final Clock clock;

  public CallSheets(
      CallbackRequestRepository requests,
      CallAttemptRepository attempts,
      CallbackSignalRepository signals,
      ScriptCatalog scripts,
      ContactPolicy contactPolicy,
      PhoneNumbers phoneNumbers,
      PracticeProperties practice,
      ScheduleProperties schedule,
      NextAttemptPlanner planner,
      NextSteps nextSteps,
      Clock clock) {
    this.requests = requests;
    this.attempts = attempts;
    this.signals = signals;
    this.scripts = scripts;
    this.contactPolicy = contactPolicy;
    this.phoneNumbers = phoneNumbers;
    this.practice = practice;
    this.schedule = schedule;
    this.planner = planner;
    this.nextSteps = nextSteps;
    this.clock = clock;
  }

  /**
   * The sheet of a call task: {@code returnedCall} for the patient's own call back, else attempt
   * {@code attemptNumber} of {@code maxAttempts}.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> prepare(UUID callbackRequestId, int attemptNumber, int maxAttempts, boolean returnedCall) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    List<CallbackSignal> received = signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(callbackRequestId);
    Map<String, Object> sheet = basics(request, received);
    sheet.put(HEADING, returnedCall
        ? "The patient called back: take or return their call now. It counts as attempt " + attemptNumber + " of " + maxAttempts + "."
        : attemptNumber == maxAttempts ? "Last attempt: " + attemptNumber + " of " + maxAttempts + "." : null);
    sheet.put(ATTEMPT_LABEL, returnedCall ? "Returned call (attempt " + attemptNumber + " of " + maxAttempts + ")"
        : attemptNumber + " of " + maxAttempts);
    sheet.put(PREFERRED_TIMES, request.getPreferredTimes() == null ? "None given." : request.getPreferredTimes());
    sheet.put(ARRIVED, arrived(request, received.size()));
    sheet.put(DATE_OF_BIRTH, request.getDateOfBirth() == null ? "Not given: ask for it to confirm who you are speaking with."
        : BIRTH.format(request.getDateOfBirth()) + ": check it before discussing anything.");
    sheet.put(EMAIL, request.getEmail() == null ? "None given." : request.getEmail());
    CallScript script = scripts.scriptFor(request.getReason(), request.getPreferredLanguage());
    sheet.put(LANGUAGE_CUE, languageCue(request.getPreferredLanguage(), script));
    sheet.put(CALL_SCRIPT, script.forCallSheet());
    sheet.put(SAFETY_LINES, safetyLines(script));
    sheet.put(CONTACT_PLAN, contactPolicy.beforeTheCall(request, script));
    sheet.putAll(now(callbackRequestId));
    sheet.put(WHAT_HAPPENS_NEXT, whatHappensNext(request, attemptNumber, maxAttempts));
    if (request.getClinicalNote() != null) {
      sheet.put(CLINICAL_TEAM_NOTE, request.getClinicalNote());
    }
    sheet.values().removeIf(value -> value == null);
    return sheet;
  }

  /**
   * What the sheet says about the moment: the patient's time now and when they may still be called
   * today. Put on the sheet when it is prepared and again when someone takes the call.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> now(UUID callbackRequestId) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    ZoneId zone = request.patientZone(practice.timeZone());
    List<Interval> today = planner.callableToday(callbackRequestId);
    return Map.of(PATIENT_TIME, patientTime(zone), TODAY, today.isEmpty()
        ? "No time left today inside practice hours and the patient's window."
        : "Today you may call them " + today.stream().map(window -> between(window, practice.timeZone())
            + " practice time (" + between(window, zone) + " theirs)").collect(Collectors.joining(", then ")) + ".");
  }

  /**
   * The short line Tasklist shows under a task in the list: markers, the reasons on its {@code sheet},
   * the attempt, and where the patient's day is. Never a name or a number: it reaches Camunda's history.
   */
  @Transactional(readOnly = true)
  public String worklistLine(UUID callbackRequestId, Map<String, Object> sheet, String attempt) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    List<String> parts = new ArrayList<>();
    if (request.getScreening() != Screening.Level.NONE) {
      parts.add("FLAGGED");
    }
    if (request.isReferral()) {
      parts.add("REFERRAL");
    }
    parts.add((String) sheet.get(REASON_LABEL));
    parts.add(attempt);
    ZoneId zone = request.patientZone(practice.timeZone());
    parts.add(offset(zone).isEmpty() ? "practice time zone" : place(zone) + ", " + offset(zone));
    if (needsInterpreter(request.getPreferredLanguage())) {
      parts.add(Locale.forLanguageTag(request.getPreferredLanguage()).getDisplayLanguage(Locale.ENGLISH) + " speaker");
    }
    return String.join(" · ", parts);
  }

  /**
   * A manager's sheet for a request the ladder cannot call as it stands: the basics, where the
   * patient's day is against the practice's, and why it is with them.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> forCorrection(UUID callbackRequestId, String why) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Map<String, Object> sheet = basics(request);
    sheet.put(PATIENT_TIME, patientTime(request.patientZone(practice.timeZone())));
    sheet.put(WHY_HERE, why);
    return sheet;
  }

  /** For a patient who prefers another language than the practice's: who should make the call. */
  private String languageCue(String preferred, CallScript script) {
    if (!needsInterpreter(preferred)) {
      return null;
    }
    Locale wanted = Locale.forLanguageTag(preferred);
    String name = wanted.getDisplayLanguage(Locale.ENGLISH);
    return "NEEDS A " + name.toUpperCase(Locale.ENGLISH) + " SPEAKER: the patient prefers " + name + ". "
        + (wanted.getLanguage().equals(script.language())
            ? "The script below is in " + name + "."
            : "There is no script in " + name + ": the one below is in "
                + Locale.forLanguageTag(script.language()).getDisplayLanguage(Locale.ENGLISH) + ".");
  }

  private boolean needsInterpreter(String preferred) {
    return preferred != null && !Locale.forLanguageTag(preferred).getLanguage().equals(scripts.defaultLanguage());
  }

  /** Through which channel and when the request came in, and how many messages followed. */
  private String arrived(CallbackRequest request, int signalCount) {
    String first = label(request.getChannel()) + ", " + WHEN.format(request.getReceivedAt().atZone(practice.timeZone()));
    int more = signalCount - 1;
    return more <= 0 ? first : first + " (then " + more + (more == 1 ? " more message" : " more messages") + ", below)";
  }

  /**
   * For each outcome the form offers, what the ladder does next, as its table decides it now: the
   * next attempt and around when, whether a message goes out, and what the last attempt leads to.
   */
  private String whatHappensNext(CallbackRequest request, int attempt, int maxAttempts) {
    return nextSteps.byStep(attempt, maxAttempts).entrySet().stream()
        .map(step -> String.join(" / ", step.getValue()) + ": " + inWords(step.getKey(), request, attempt, maxAttempts) + ".")
        .collect(Collectors.joining("\n"));
  }

  private String inWords(String step, CallbackRequest request, int attempt, int maxAttempts) {
    boolean sensitive = request.isReferral() || request.getScreening() != Screening.Level.NONE;
    return switch (step) {
      case "CLOSE" -> "the request closes";
      case "ROUTE" -> "a new call waits in the queue you choose, and the request stays open";
      case "CALL_AT_CHOSEN_TIME" -> "the next call is at the date and time the patient chose";
      case "NEXT_ATTEMPT" -> "no message; attempt " + (attempt + 1) + " of " + maxAttempts + " "
          + around(request, attempt + 1, maxAttempts);
      case "NEXT_ATTEMPT_WITH_MESSAGE" -> contactPolicy.messageInWords(request, "follow-up") + ", then attempt "
          + (attempt + 1) + " of " + maxAttempts + " " + around(request, attempt + 1, maxAttempts);
      case "LAST_ATTEMPT_MADE" -> sensitive
          ? "this is the last attempt: as a referral or flagged request it goes to an exception review, not straight to closure"
          : "this is the last attempt: " + contactPolicy.messageInWords(request, "final") + ", and the request closes as unreachable";
      case "CLINICAL_HAND_OFF" -> "the clinical team takes it at once";
      case "FIND_ANOTHER_NUMBER" -> "a practice manager looks for another number";
      default -> "the table has no rule for it: a person decides in an exception review";
    };
  }

  private String around(CallbackRequest request, int next, int maxAttempts) {
    return planner.preview(request.getId(), next, maxAttempts)
        .map(slot -> "around " + WHEN.format(slot.at().atZone(practice.timeZone())) + " (the patient's " + slot.dayPart() + ")")
        .orElse("when a manager finds a time: practice hours and the patient's window do not meet in the days ahead");
  }

  private static String between(Interval window, ZoneId zone) {
    return HOURS.format(window.start().atZone(zone)) + "-" + HOURS.format(window.end().atZone(zone));
  }

  /** "3 hours behind", or empty in the practice's own zone. */
  private String offset(ZoneId zone) {
    Instant now = clock.instant();
    long minutes = Duration.between(now.atZone(practice.timeZone()).toLocalDateTime(), now.atZone(zone).toLocalDateTime())
        .toMinutes();
    return minutes == 0 ? "" : hours(Math.abs(minutes)) + (minutes < 0 ? " behind" : " ahead");
  }

  /** The city part of a zone id: America/Los_Angeles is "Los Angeles". */
  private static String place(ZoneId zone) {
    String id = zone.getId();
    return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
  }

  /**
   * What every sheet on a request shows, a call's or a clinician's or a reviewer's: who, which
   * number, why, everything the patient said (in messages and during calls), the attempts so far,
   * and the referral with a warning when its records are missing.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> basics(UUID callbackRequestId) {
    return basics(requests.getRequired(callbackRequestId));
  }

  private Map<String, Object> basics(CallbackRequest request) {
    return basics(request, signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(request.getId()));
  }

  private Map<String, Object> basics(CallbackRequest request, List<CallbackSignal> received) {
    Map<String, Object> sheet = new HashMap<>();
    sheet.put(PATIENT_NAME, request.getPatientName() == null ? "Not known yet: ask who is calling" : request.getPatientName());
    if (request.getPatientName() == null) {
      sheet.put(UNKNOWN_CALLER, true);
    }
    sheet.put(PATIENT_PHONE, phoneNumbers.forDialling(request.getPatientPhone()));
    List<CallAttempt> made = attempts.findByCallbackRequestIdOrderByAttemptNumber(request.getId());
    sheet.put(REASON_LABEL, received.stream().map(s -> s.getReason().label()).distinct().collect(Collectors.joining(" + ")));
    sheet.put(PATIENT_MESSAGE, messages(received, made));
    sheet.put(ATTEMPT_HISTORY, history(made));
    if (request.isReferral()) {
      sheet.put(REFERRAL_NOTE, referral(request));
    }
    return sheet;
  }

  /** The red-flag and emergency lines, as a coordinator or a clinician says them. */
  public static String safetyLines(CallScript script) {
    return "Red-flag line: " + script.redFlag() + "\nEmergency line: " + script.emergency();
  }

  private static String referral(CallbackRequest request) {
    String from = request.getReferringPractice() == null ? "Referring office not given" : "Referred by " + request.getReferringPractice();
    String contact = request.getReferringContact() == null ? "" : " (contact: " + request.getReferringContact() + ")";
    String records = request.recordsMissing()
        ? "RECORDS MISSING: the referring office has not sent the records yet. Ask for them before booking."
        : Boolean.TRUE.equals(request.getRecordsReceived()) ? "Records received." : "Records: not stated.";
    return from + contact + ". " + records;
  }

  /**
   * Every message, each with where and when it came in, and the patient's own words recorded during
   * calls, so no question is asked twice.
   */
  private String messages(List<CallbackSignal> received, List<CallAttempt> made) {
    boolean several = received.size() > 1 || made.stream().anyMatch(a -> a.getPatientWords() != null);
    String text = Stream.concat(
            received.stream()
                .filter(signal -> signal.getMessage() != null)
                .map(signal -> several
                    ? label(signal.getChannel()) + ", " + WHEN.format(signal.getReceivedAt().atZone(practice.timeZone()))
                        + ": " + signal.getMessage()
                    : signal.getMessage()),
            made.stream()
                .filter(attempt -> attempt.getPatientWords() != null)
                .map(attempt -> "Said during attempt " + attempt.getAttemptNumber() + ", "
                    + WHEN.format(attempt.getCompletedAt().atZone(practice.timeZone())) + ": " + attempt.getPatientWords()))
        .collect(Collectors.joining("\n"));
    return text.isEmpty() ? "No message left." : text;
  }

  private static String label(Channel channel) {
    String words = channel.name().replace('_', ' ').toLowerCase(Locale.US);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * Where the patient's day is against the practice's: "America/Los_Angeles, 3 hours behind the
   * practice. Call between 11:00 and 23:00 practice time (08:00-20:00 theirs). It was 06:05 there
   * when this call was prepared."
   */
  private String patientTime(ZoneId zone) {
    Instant now = clock.instant();
    ZonedDateTime theirs = now.atZone(zone);
    long minutes = Duration.between(now.atZone(practice.timeZone()).toLocalDateTime(), theirs.toLocalDateTime()).toMinutes();
    String offset = minutes == 0 ? "the practice's own time"
        : hours(Math.abs(minutes)) + (minutes < 0 ? " behind" : " ahead of") + " the practice";
    TimeRange window = schedule.callingWindow();
    LocalTime from = theirs.with(window.start()).withZoneSameInstant(practice.timeZone()).toLocalTime();
    LocalTime until = theirs.with(window.end()).withZoneSameInstant(practice.timeZone()).toLocalTime();
    return zone.getId() + ", " + offset + ". Call between " + from + " and " + until + " practice time ("
        + window + " theirs). It was " + theirs.toLocalTime().withSecond(0).withNano(0) + " there at "
        + now.atZone(practice.timeZone()).toLocalTime().withSecond(0).withNano(0) + " practice time (refreshed when the call is taken).";
  }

  private static String hours(long minutes) {
    long hours = minutes / 60;
    long rest = minutes % 60;
    String text = hours == 1 ? "1 hour" : hours + " hours";
    return rest == 0 ? text : text + " " + rest + " minutes";
  }

  private String history(List<CallAttempt> earlier) {
    if (earlier.isEmpty()) {
      return "No earlier attempts.";
    }
    return earlier.stream()
        .map(
            a ->
                "Attempt " + a.getAttemptNumber()
                    + " · " + WHEN.format(a.getCompletedAt().atZone(practice.timeZone()))
                    + " · " + a.getAgent()
                    + " · " + a.getOutcome().label()
                    + (a.getNotes() == null ? "" : " · " + a.getNotes()))
        .collect(Collectors.joining("\n"));
  }

}
