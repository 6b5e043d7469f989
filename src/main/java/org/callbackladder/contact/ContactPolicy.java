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
import org.springframework.stereotype.Service;
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

  /** A decision and its reason. */
  public record Verdict(boolean allowed, String reason) {

    static Verdict yes(String reason) {
      return new Verdict(true, "text: " + reason);
    }

    static Verdict no(String reason) {
      return new Verdict(false, "no text: " + reason);
    }
  }

  private final PatientContactRepository contacts;
  private final OutboxMessageRepository outbox;
  private final ContactProperties settings;
  private final ZoneId practiceZone;
  private final Clock clock;

  public ContactPolicy(
      PatientContactRepository contacts,
      OutboxMessageRepository outbox,
      ContactProperties settings,
      PracticeProperties practice,
      Clock clock) {
    this.contacts = contacts;
    this.outbox = outbox;
    this.settings = settings;
    this.practiceZone = practice.timeZone();
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Verdict text(CallbackRequest request) {
    String phone = request.getPatientPhone();
    PatientContact contact = contacts.findById(phone).orElse(null);
    if (contact == null || contact.getTextConsent() == null) {
      return Verdict.no("the patient was not asked for consent to texts");
    }
    if (!contact.textsAllowed()) {
      return contact.getOptedOutAt() == null
          ? Verdict.no("the patient declined texts (" + contact.getTextConsentSource() + ")")
          : Verdict.no("opted out " + DAY.format(contact.getOptedOutAt().atZone(practiceZone)) + " by "
              + contact.getTextConsentSource());
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
    return Verdict.yes("consent from " + contact.getTextConsentSource() + " on "
        + DAY.format(contact.getTextConsentAt().atZone(practiceZone)));
  }
}
