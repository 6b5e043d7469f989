package org.callbackladder.attempt;

import static org.callbackladder.CallbackProcess.CallSheet.ATTEMPT_HISTORY;
import static org.callbackladder.CallbackProcess.CallSheet.ATTEMPT_LABEL;
import static org.callbackladder.CallbackProcess.CallSheet.CALL_SCRIPT;
import static org.callbackladder.CallbackProcess.CallSheet.PATIENT_MESSAGE;
import static org.callbackladder.CallbackProcess.CallSheet.PATIENT_NAME;
import static org.callbackladder.CallbackProcess.CallSheet.PATIENT_PHONE;
import static org.callbackladder.CallbackProcess.CallSheet.PREFERRED_TIMES;
import static org.callbackladder.CallbackProcess.CallSheet.REASON_LABEL;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.callbackladder.contact.ScriptCatalog;
import org.callbackladder.practice.PracticeProperties;
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
  private final PhoneNumbers phoneNumbers;
  private final PracticeProperties practice;

  public CallSheets(
      CallbackRequestRepository requests,
      CallAttemptRepository attempts,
      CallbackSignalRepository signals,
      ScriptCatalog scripts,
      PhoneNumbers phoneNumbers,
      PracticeProperties practice) {
    this.requests = requests;
    this.attempts = attempts;
    this.signals = signals;
    this.scripts = scripts;
    this.phoneNumbers = phoneNumbers;
    this.practice = practice;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> prepare(UUID callbackRequestId, int attemptNumber, int maxAttempts) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Map<String, Object> sheet = new HashMap<>();
    sheet.put(PATIENT_NAME, request.getPatientName() == null ? "Not known yet: ask who is calling" : request.getPatientName());
    sheet.put(PATIENT_PHONE, phoneNumbers.forDialling(request.getPatientPhone()));
    List<CallbackSignal> received = signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(callbackRequestId);
    sheet.put(REASON_LABEL, received.stream().map(s -> s.getReason().label()).distinct().collect(Collectors.joining(" + ")));
    sheet.put(ATTEMPT_LABEL, attemptNumber + " of " + maxAttempts);
    sheet.put(PATIENT_MESSAGE, messages(received));
    sheet.put(PREFERRED_TIMES, received.stream().map(CallbackSignal::getPreferredTimes).filter(t -> t != null)
        .reduce((first, latest) -> latest).orElse("None given."));
    sheet.put(ATTEMPT_HISTORY, history(attempts.findByCallbackRequestIdOrderByAttemptNumber(callbackRequestId)));
    sheet.put(CALL_SCRIPT, scripts.scriptFor(request.getReason()).forCallSheet());
    return sheet;
  }

  /** Every message, each with where and when it came in, so no question is asked twice. */
  private String messages(List<CallbackSignal> received) {
    String text = received.stream()
        .filter(signal -> signal.getMessage() != null)
        .map(signal -> received.size() == 1
            ? signal.getMessage()
            : label(signal.getChannel()) + ", " + WHEN.format(signal.getReceivedAt().atZone(practice.timeZone()))
                + ": " + signal.getMessage())
        .collect(Collectors.joining("\n"));
    return text.isEmpty() ? "No message left." : text;
  }

  private static String label(Channel channel) {
    String words = channel.name().replace('_', ' ').toLowerCase(Locale.US);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
