package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.CallSheet.ATTEMPT_HISTORY;
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
import static org.callbackladder.CallbackProcess.CallSheet.WHY_HERE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

  private final CallbackRequestRepository requests;
  private final CallAttemptRepository attempts;
  private final CallbackSignalRepository signals;
  private final ScriptCatalog scripts;
  private final ContactPolicy contactPolicy;
  private final PhoneNumbers phoneNumbers;
  private final PracticeProperties practice;
  private final ScheduleProperties schedule;
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
      Clock clock) {
    this.requests = requests;
    this.attempts = attempts;
    this.signals = signals;
    this.scripts = scripts;
    this.contactPolicy = contactPolicy;
    this.phoneNumbers = phoneNumbers;
    this.practice = practice;
    this.schedule = schedule;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> prepare(UUID callbackRequestId, int attemptNumber, int maxAttempts) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Map<String, Object> sheet = basics(request);
    sheet.put(ATTEMPT_LABEL, attemptNumber + " of " + maxAttempts);
    sheet.put(PREFERRED_TIMES, request.getPreferredTimes() == null ? "None given." : request.getPreferredTimes());
    CallScript script = scripts.scriptFor(request.getReason(), request.getPreferredLanguage());
    sheet.put(CALL_SCRIPT, languageLine(request.getPreferredLanguage(), script) + script.forCallSheet());
    sheet.put(SAFETY_LINES, safetyLines(script));
    sheet.put(CONTACT_PLAN, contactPolicy.beforeTheCall(request, script));
    sheet.put(PATIENT_TIME, patientTime(request.patientZone(practice.timeZone())));
    if (request.getClinicalNote() != null) {
      sheet.put(CLINICAL_TEAM_NOTE, request.getClinicalNote());
    }
    return sheet;
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

  /** The patient's language, and whether the script is in it: who should make the call. */
  private static String languageLine(String preferred, CallScript script) {
    if (preferred == null) {
      return "";
    }
    Locale wanted = Locale.forLanguageTag(preferred);
    String name = wanted.getDisplayLanguage(Locale.ENGLISH);
    return wanted.getLanguage().equals(script.language())
        ? "PATIENT'S LANGUAGE: " + name + " (the script below is in " + name + ")\n\n"
        : "PATIENT'S LANGUAGE: " + name + " (no script in " + name + ": the script below is in "
            + Locale.forLanguageTag(script.language()).getDisplayLanguage(Locale.ENGLISH) + ")\n\n";
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
    Map<String, Object> sheet = new HashMap<>();
    sheet.put(PATIENT_NAME, request.getPatientName() == null ? "Not known yet: ask who is calling" : request.getPatientName());
    sheet.put(PATIENT_PHONE, phoneNumbers.forDialling(request.getPatientPhone()));
    List<CallbackSignal> received = signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(request.getId());
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
        + window + " theirs). It was " + theirs.toLocalTime().withSecond(0).withNano(0) + " there when this call was prepared.";
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
