package org.callbackladder.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.schedule.AttemptScheduler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one answer to "may this patient get a text from the ladder now?", from the number's consent,
 * its opt-out, what kind of number it is and how many texts it had lately. Every answer carries its
 * reason, kept with the message or in its place.
 */
@Service
public class ContactPolicy {

  /** libphonenumber's types that take texts; a fixed line never does. */
  static final Set<String> TEXTABLE = Set.of("MOBILE", "FIXED_LINE_OR_MOBILE", "VOIP");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  /** A decision, its reason, and from when the text may leave (inside the patient's calling window). */
  public record Verdict(boolean allowed, String reason, Instant sendAfter) {

    static Verdict yes(String reason, Instant sendAfter) {
      return new Verdict(true, "text: " + reason, sendAfter);
    }

    static Verdict no(String reason) {
      return new Verdict(false, "no text: " + reason, null);
    }
  }

  private final PatientContactRepository contacts;
  private final OutboxMessageRepository outbox;
  private final ContactProperties settings;
  private final ScriptCatalog scripts;
  private final AttemptScheduler scheduler;
  private final ZoneId practiceZone;
  private final Clock clock;

  public ContactPolicy(
      PatientContactRepository contacts,
      OutboxMessageRepository outbox,
      ContactProperties settings,
      ScriptCatalog scripts,
      AttemptScheduler scheduler,
      PracticeProperties practice,
      Clock clock) {
    this.contacts = contacts;
    this.outbox = outbox;
    this.settings = settings;
    this.scripts = scripts;
    this.scheduler = scheduler;
    this.practiceZone = practice.timeZone();
    this.clock = clock;
  }

  /**
   * What the coordinator sees before dialling: which voicemail may be left and in which words, what
   * text goes out if nobody answers (or why none), and what the patient asked for.
   */
  @Transactional(readOnly = true)
  public String beforeTheCall(CallbackRequest request, CallScript script) {
    PatientContact contact = contacts.findById(request.getPatientPhone()).orElse(null);
    String voicemail = switch (contact == null ? PatientContact.Voicemail.MINIMAL_ONLY : contact.getVoicemail()) {
      case ALLOWED -> "Voicemail: allowed. Say: " + script.voicemail();
      case MINIMAL_ONLY -> "Voicemail: minimal only. Say: " + scripts.minimalVoicemail();
      case NOT_ALLOWED -> "Voicemail: the patient asked for none. Do not leave a message.";
    };
    Verdict next = text(request);
    String followUp = next.allowed()
        ? "If nobody answers: a follow-up text goes out (" + next.reason() + ")."
        : "If nobody answers: no text will be sent (" + next.reason() + ").";
    StringBuilder asked = new StringBuilder();
    if (contact != null) {
      if (contact.isThisNumberOnly()) {
        asked.append(" Call this number only.");
      }
      if (contact.isTextOnly()) {
        asked.append(" Prefers texts to calls.");
      }
      if (contact.isNotDuringWorkHours()) {
        asked.append(" Not during work hours.");
      }
      if (contact.getMessageNumber() != null || contact.getMessageEmail() != null) {
        asked.append(" Messages to the other number or address on file.");
      }
    }
    return voicemail + "\n" + followUp + (asked.isEmpty() ? "" : "\nThe patient asked:" + asked);
  }

  /** What the policy would decide now, for showing (the call sheet); nothing is locked. */
  @Transactional(readOnly = true)
  public Verdict text(CallbackRequest request) {
    return verdict(request, contacts.findById(request.getPatientPhone()).orElse(null));
  }

  /**
   * The decision for a text about to be queued. The number's record stays locked until the caller's
   * transaction ends, so a STOP arriving at the same moment waits and then cancels the text, or
   * comes first and the text is not queued.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Verdict decide(CallbackRequest request) {
    return verdict(request, contacts.lockByPhone(request.getPatientPhone()).orElse(null));
  }

  private Verdict verdict(CallbackRequest request, PatientContact contact) {
    String phone = request.getPatientPhone();
    if (contact == null || contact.getTextConsent() == null) {
      return Verdict.no("the patient was not asked for consent to texts");
    }
    if (!contact.textsAllowed()) {
      return contact.getOptedOutAt() == null
          ? Verdict.no("the patient declined texts (" + contact.getTextConsentSource() + ")")
          : Verdict.no("opted out " + DAY.format(contact.getOptedOutAt().atZone(practiceZone)) + " by "
              + contact.getTextConsentSource());
    }
    if (contact.getMessageNumber() != null || contact.getMessageEmail() != null) {
      // HIPAA 164.522(b): the patient asked for messages elsewhere; staff send those by hand for now
      return Verdict.no("the patient asked for messages to another number or address");
    }
    if (request.getPhoneType() != null && !TEXTABLE.contains(request.getPhoneType())) {
      return Verdict.no("a " + request.getPhoneType().toLowerCase(Locale.ROOT).replace('_', ' ')
          + " number cannot take texts");
    }
    Instant now = clock.instant();
    ContactProperties.TextCaps caps = settings.textCaps();
    long today = outbox.countLadderTextsTo(phone, now.minus(Duration.ofDays(1)));
    if (today >= caps.perDay()) {
      return Verdict.no(today + " in the last 24 hours (at most " + caps.perDay() + ")");
    }
    long week = outbox.countLadderTextsTo(phone, now.minus(Duration.ofDays(7)));
    if (week >= caps.perWeek()) {
      return Verdict.no(week + " this week (at most " + caps.perWeek() + ")");
    }
    // like a call: inside practice hours and the patient's own day
    Instant from = scheduler.earliestCall(now, request.patientZone(practiceZone)).orElse(null);
    if (from == null) {
      return Verdict.no("no time inside practice hours and the patient's calling window in the days ahead");
    }
    return Verdict.yes("consent from " + contact.getTextConsentSource() + " on "
        + DAY.format(contact.getTextConsentAt().atZone(practiceZone)), from);
  }
}
