package org.callbackladder.escalation;

import static org.callbackladder.CallbackProcess.CallSheet.HAND_OFF_REASON;
import static org.callbackladder.CallbackProcess.CallSheet.HAND_OFF_SUMMARY;
import static org.callbackladder.CallbackProcess.CallSheet.MATCHED_RULE;
import static org.callbackladder.CallbackProcess.CallSheet.SAFETY_LINES;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.attempt.CallSheets;
import org.callbackladder.contact.ScriptCatalog;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.schedule.PracticeCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a clinician sees on a clinical task: the patient's exact words (every message and what was
 * said during calls), the screening rule that matched, why and when the hand-off was raised, and
 * the red-flag and emergency lines; outside practice hours, the after-hours line too.
 */
@Service
public class ClinicalSheets {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.US);

  private final CallSheets callSheets;
  private final CallbackRequestRepository requests;
  private final ClinicalHandOffRepository handOffs;
  private final ScriptCatalog scripts;
  private final ClinicalProperties clinical;
  private final PracticeCalendar calendar;
  private final Clock clock;

  public ClinicalSheets(
      CallSheets callSheets,
      CallbackRequestRepository requests,
      ClinicalHandOffRepository handOffs,
      ScriptCatalog scripts,
      ClinicalProperties clinical,
      PracticeCalendar calendar,
      Clock clock) {
    this.callSheets = callSheets;
    this.requests = requests;
    this.handOffs = handOffs;
    this.scripts = scripts;
    this.clinical = clinical;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> prepare(long handOffId) {
    ClinicalHandOff handOff = handOffs.getRequired(handOffId);
    CallbackRequest request = requests.getRequired(handOff.getCallbackRequestId());
    Map<String, Object> sheet = callSheets.basics(request.getId());
    sheet.put(MATCHED_RULE, request.getScreeningRule() + ": " + request.getScreeningNote());
    sheet.put(HAND_OFF_REASON, reason(handOff));
    String lines = CallSheets.safetyLines(scripts.scriptFor(request.getReason(), request.getPreferredLanguage()));
    if (handOff.getKind() == ClinicalHandOff.Kind.URGENT_CALLBACK && !calendar.isOpen(clock.instant())) {
      lines += "\n" + clinical.afterHoursLine();
    }
    sheet.put(SAFETY_LINES, lines);
    return sheet;
  }

  /** For the managers' "Unaccepted clinical hand-off": which task, since when, due when, how often told. */
  @Transactional(readOnly = true)
  public Map<String, Object> summary(long handOffId) {
    ClinicalHandOff handOff = handOffs.getRequired(handOffId);
    CallbackRequest request = requests.getRequired(handOff.getCallbackRequestId());
    Duration waiting = Duration.between(handOff.getCreatedAt(), clock.instant());
    String text = (handOff.getKind() == ClinicalHandOff.Kind.URGENT_CALLBACK ? "Urgent clinical callback" : "Clinical review")
        + " (request: " + request.getReason().label() + "), raised "
        + WHEN.format(calendar.practiceTime(handOff.getCreatedAt())) + " (" + waiting.toMinutes() + " minutes ago), due "
        + WHEN.format(calendar.practiceTime(handOff.getDueAt())) + ". "
        + (handOff.getClaimedAt() == null ? "Nobody on the clinical team has claimed it"
            : "Claimed by " + handOff.getClaimedBy() + " at " + WHEN.format(calendar.practiceTime(handOff.getClaimedAt()))
                + " and still not done")
        + (handOff.getEscalations() > 1 ? " (reminder " + handOff.getEscalations() + ")." : ".")
        + (handOff.getScreeningRule() == null ? "" : " Red flag: " + handOff.getScreeningRule() + ".")
        + " Find a clinician and assign the task to them, or use the on-call route.";
    return Map.of(HAND_OFF_SUMMARY, text);
  }

  private String reason(ClinicalHandOff handOff) {
    String when = WHEN.format(calendar.practiceTime(handOff.getCreatedAt()));
    return switch (handOff.getRaisedBy()) {
      case INTAKE -> "Flagged by screening when the request arrived, " + when + ".";
      case LATER_MESSAGE -> "Flagged by screening of a later message from the patient, " + when + ".";
      case CALL -> "Raised by the coordinator during a call, " + when + ".";
    };
  }
}
