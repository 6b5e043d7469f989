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
import org.callbackladder.request.PhoneNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the coordinator sees before dialling: who, which number, why, what the patient already told
 * us, what happened on earlier attempts, and the script for the reason. Shown as plain text.
 */
@Service
public class CallSheets {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.US);

  private final CallbackRequestRepository requests;
  private final CallAttemptRepository attempts;
  private final ScriptCatalog scripts;
  private final PhoneNumbers phoneNumbers;
  private final PracticeProperties practice;

  public CallSheets(
      CallbackRequestRepository requests,
      CallAttemptRepository attempts,
      ScriptCatalog scripts,
      PhoneNumbers phoneNumbers,
      PracticeProperties practice) {
    this.requests = requests;
    this.attempts = attempts;
    this.scripts = scripts;
    this.phoneNumbers = phoneNumbers;
    this.practice = practice;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> prepare(UUID callbackRequestId, int attemptNumber, int maxAttempts) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Map<String, Object> sheet = new HashMap<>();
    sheet.put(PATIENT_NAME, request.getPatientName());
    sheet.put(PATIENT_PHONE, phoneNumbers.forDialling(request.getPatientPhone()));
    sheet.put(REASON_LABEL, request.getReason().label());
    sheet.put(ATTEMPT_LABEL, attemptNumber + " of " + maxAttempts);
    sheet.put(PATIENT_MESSAGE, orNone(request.getMessage(), "No message left."));
    sheet.put(PREFERRED_TIMES, orNone(request.getPreferredTimes(), "None given."));
    sheet.put(ATTEMPT_HISTORY, history(attempts.findByCallbackRequestIdOrderByAttemptNumber(callbackRequestId)));
    sheet.put(CALL_SCRIPT, scripts.scriptFor(request.getReason()).forCallSheet());
    return sheet;
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

  private static String orNone(String value, String none) {
    return value == null ? none : value;
  }
}
