package org.callbackladder.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.practice.ScheduleProperties;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.schedule.AttemptScheduler;
import org.callbackladder.schedule.AttemptScheduler.Patient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one answer to "may this patient get a message from the ladder now, and how?", from the
 * number's consent and restrictions, its opt-out, what kind of number it is, and how many messages
 * it had lately. A text comes first where it is allowed, then email, then the patient portal. Every
 * answer carries its reason, kept with the message or in its place.
 */
@Service
public class ContactPolicy {

  /** libphonenumber's types that take texts; a fixed line never does. */
  static final Set<String> TEXTABLE = Set.of("MOBILE", "FIXED_LINE_OR_MOBILE", "VOIP");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final String NO_TIME = "no time inside practice hours and the patient's calling window in the days ahead";

  /** A decision: by which channel to whom and from when (inside the patient's calling window for a text), or why none. */
  public record Verdict(boolean allowed, String channel, String recipient, String reason, Instant sendAfter) {

    static Verdict send(String channel, String recipient, String reason, Instant sendAfter) {
      return new Verdict(true, channel, recipient, LABELS.get(channel) + ": " + reason, sendAfter);
    }

    static Verdict no(String reason) {
      return new Verdict(false, null, null, "no message: " + reason, null);
    }

    private static final Map<String, String> LABELS =
        Map.of(OutboxMessage.SMS, "text", OutboxMessage.EMAIL, "email", OutboxMessage.PORTAL, "portal message");
  }

  private final PatientContactRepository contacts;
  private final OutboxMessageRepository outbox;
  private final CallbackRequestRepository requests;
  private final ContactProperties settings;
  private final ScriptCatalog scripts;
  private final AttemptScheduler scheduler;
  private final ScheduleProperties.WorkHours workHours;
  private final ZoneId practiceZone;
  private final Clock clock;

  public ContactPolicy(
      PatientContactRepository contacts,
      OutboxMessageRepository outbox,
      CallbackRequestRepository requests,
      ContactProperties settings,
      ScriptCatalog scripts,
      AttemptScheduler scheduler,
      ScheduleProperties schedule,
      PracticeProperties practice,
      Clock clock) {
    this.contacts = contacts;
    this.outbox = outbox;
    this.requests = requests;
    this.settings = settings;
    this.scripts = scripts;
    this.scheduler = scheduler;
    this.workHours = schedule.workHours();
    this.practiceZone = practice.timeZone();
    this.clock = clock;
  }

  /**
   * What the coordinator sees before dialling: which voicemail may be left and in which words, what
   * message goes out if nobody answers (or why none), and what the patient asked for.
   */
  @Transactional(readOnly = true)
  public String beforeTheCall(CallbackRequest request, CallScript script) {
    PatientContact contact = contacts.findById(request.getPatientPhone()).orElse(null);
    PatientContact.Voicemail preference = contact == null ? PatientContact.Voicemail.MINIMAL_ONLY : contact.getVoicemail();
    String voicemail = contact != null && contact.isTextOnly()
        ? "Voicemail: the patient asked to be reached by text only. Do not leave a message."
        : switch (preference) {
          case ALLOWED -> "Voicemail: allowed. Say: " + script.voicemail();
          case MINIMAL_ONLY -> "Voicemail: minimal only. Say: " + scripts.minimalVoicemail(request.getPreferredLanguage());
          case NOT_ALLOWED -> "Voicemail: the patient asked for none. Do not leave a message.";
        };
    String followUp = "If nobody answers: " + messageInWords(request, "follow-up") + ".";
    StringBuilder asked = new StringBuilder();
    if (contact != null) {
      if (contact.isThisNumberOnly()) {
        asked.append(" Call this number only.");
      }
      if (contact.isTextOnly()) {
        asked.append(" Messages by text only: no voicemail, no email, no portal message.");
      }
      if (contact.isNotDuringWorkHours()) {
        asked.append(" Not during work hours (" + workHours + " their time): the ladder calls and texts outside them.");
      }
      if (contact.getMessageNumber() != null || contact.getMessageEmail() != null) {
        asked.append(" Messages to the other number or address on file.");
      }
    }
    return voicemail + "\n" + followUp + (asked.isEmpty() ? "" : "\nThe patient asked:" + asked);
  }

  /**
   * The message the policy would send now, in words: "a follow-up text goes out (...)" or "nothing
   * will be sent (...)".
   *
   * @param kind "follow-up" or "final"
   */
  @Transactional(readOnly = true)
  public String messageInWords(CallbackRequest request, String kind) {
    Verdict next = message(request);
    return next.allowed()
        ? "a " + kind + " " + Verdict.LABELS.get(next.channel()) + " goes out (" + next.reason() + ")"
        : "nothing will be sent (" + next.reason() + ")";
  }

  /** What the policy would decide now, for showing (the call sheet, the API); nothing is locked. */
  @Transactional(readOnly = true)
  public Verdict message(CallbackRequest request) {
    return verdict(request, contacts.findById(request.getPatientPhone()).orElse(null));
  }

  /**
   * The decision for a message about to be queued. The number's record stays locked until the
   * caller's transaction ends, so a STOP arriving at the same moment waits and then cancels the text,
   * or comes first and the text is not queued.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Verdict decide(CallbackRequest request) {
    return verdict(request, contacts.lockByPhone(request.getPatientPhone()).orElse(null));
  }

  /**
   * What becomes of a queued message when its time comes: it leaves now ({@link #SEND}), waits until
   * the patient's window opens again (a relay held up overnight sends nothing at 23:00, nor in work
   * hours the patient asked to keep clear since), or is cancelled with the reason: consent withdrawn,
   * the patient changed where messages go, or the caps were reached by messages that left meanwhile.
   * An answer to the patient's own keyword goes at once, unless the number opted out after it.
   */
  public record Recheck(Instant waitUntil, String cancelled) {

    static Recheck cancel(String reason) {
      return new Recheck(null, reason);
    }
  }

  public static final Recheck SEND = new Recheck(null, null);
  private static final String WITHDRAWN = "consent withdrawn before it left";

  @Transactional(propagation = Propagation.MANDATORY)
  public Recheck recheck(OutboxMessage message) {
    PatientContact contact = contacts.findById(message.getPatientPhone()).orElse(null);
    if (!message.isLadderMessage()) {
      boolean optedOutSince = contact != null && contact.getOptedOutAt() != null
          && contact.getOptedOutAt().isAfter(message.getCreatedAt());
      return message.getKind() == MessageKind.OPT_OUT_CONFIRMATION || !optedOutSince
          ? SEND : Recheck.cancel("the number opted out after it was written");
    }
    if (contact == null) {
      return Recheck.cancel("no consent on record");
    }
    String phone = message.getPatientPhone();
    Instant now = clock.instant();
    String capped = capReached(since -> outbox.countLadderMessagesLeft(phone, message.getId(), since), now);
    if (capped != null) {
      return Recheck.cancel("reached before it could leave: " + capped);
    }
    CallbackRequest request = requests.findById(message.getCallbackRequestId()).orElseThrow();
    return switch (message.getChannel()) {
      case OutboxMessage.SMS -> {
        if (!contact.textsAllowed() || optedOutElsewhere(message.getRecipient(), phone)) {
          yield Recheck.cancel(WITHDRAWN);
        }
        if (!message.getRecipient().equals(textRecipient(contact, phone))) {
          yield Recheck.cancel("the patient changed the number for messages before it left");
        }
        Instant from = scheduler.earliestCall(now,
            patient(request, contact)).orElse(null);
        if (from == null) {
          yield Recheck.cancel(NO_TIME);
        }
        yield from.isAfter(now) ? new Recheck(from, null) : SEND;
      }
      case OutboxMessage.EMAIL -> !Boolean.TRUE.equals(contact.getEmailConsent())
          ? Recheck.cancel(WITHDRAWN)
          : !message.getRecipient().equals(emailRecipient(contact, request))
              ? Recheck.cancel("the patient changed the address for messages before it left")
              : SEND;
      case OutboxMessage.PORTAL -> Boolean.TRUE.equals(contact.getPortalConsent()) ? SEND : Recheck.cancel(WITHDRAWN);
      default -> Recheck.cancel("no such channel");
    };
  }

  /** Why the caps forbid another ladder message now (counting with {@code countSince}), or null. */
  private String capReached(ToLongFunction<Instant> countSince, Instant now) {
    ContactProperties.MessageCaps caps = settings.messageCaps();
    long today = countSince.applyAsLong(now.minus(Duration.ofDays(1)));
    if (today >= caps.perDay()) {
      return today + " in the last 24 hours (at most " + caps.perDay() + ")";
    }
    long week = countSince.applyAsLong(now.minus(Duration.ofDays(7)));
    return week >= caps.perWeek() ? week + " this week (at most " + caps.perWeek() + ")" : null;
  }

  private Verdict verdict(CallbackRequest request, PatientContact contact) {
    String phone = request.getPatientPhone();
    Instant now = clock.instant();
    String capped = capReached(since -> outbox.countLadderMessagesAbout(phone, since), now);
    if (capped != null) {
      return Verdict.no(capped);
    }
    List<String> refused = new ArrayList<>();
    Verdict text = text(request, contact, now, refused);
    if (text != null) {
      return text;
    }
    if (contact != null && contact.isTextOnly()) {
      refused.add("the patient asked for texts only");
      return Verdict.no(String.join("; ", refused));
    }
    if (contact != null && Boolean.TRUE.equals(contact.getEmailConsent())) {
      String address = emailRecipient(contact, request);
      if (address != null) {
        return Verdict.send(OutboxMessage.EMAIL, address, "the patient agreed to email", now);
      }
      refused.add("no email address");
    } else {
      refused.add("no consent to email");
    }
    if (contact != null && Boolean.TRUE.equals(contact.getPortalConsent())) {
      return Verdict.send(OutboxMessage.PORTAL, phone, "the patient agreed to portal messages", now);
    }
    refused.add("no consent to portal messages");
    return Verdict.no(String.join("; ", refused));
  }

  /** A text, when one may go; otherwise null, with the reason added to {@code refused}. */
  private Verdict text(CallbackRequest request, PatientContact contact, Instant now, List<String> refused) {
    String phone = request.getPatientPhone();
    if (contact == null || contact.getTextConsent() == null) {
      refused.add("no text (the patient was not asked for consent to texts)");
      return null;
    }
    if (!contact.textsAllowed()) {
      refused.add(contact.getOptedOutAt() == null
          ? "no text (the patient declined texts, " + contact.getTextConsentSource() + ")"
          : "no text (opted out " + DAY.format(contact.getOptedOutAt().atZone(practiceZone)) + " by "
              + contact.getTextConsentSource() + ")");
      return null;
    }
    String to = textRecipient(contact, phone);
    if (to.equals(phone) && request.getPhoneType() != null && !TEXTABLE.contains(request.getPhoneType())) {
      refused.add("no text (a " + request.getPhoneType().toLowerCase(Locale.ROOT).replace('_', ' ')
          + " number cannot take texts)");
      return null;
    }
    if (optedOutElsewhere(to, phone)) {
      refused.add("no text (the number for messages opted out)");
      return null;
    }
    // like a call: inside practice hours and the patient's own day (outside work hours if they asked)
    Instant from = scheduler.earliestCall(now,
        patient(request, contact)).orElse(null);
    if (from == null) {
      refused.add("no text (" + NO_TIME + ")");
      return null;
    }
    return Verdict.send(OutboxMessage.SMS, to, "consent from " + contact.getTextConsentSource() + " on "
        + DAY.format(contact.getTextConsentAt().atZone(practiceZone))
        + (to.equals(phone) ? "" : ", to the number the patient gave for messages"), from);
  }

  /** HIPAA 164.522(b): texts go to the number the patient gave for messages, unless they asked for this number only. */
  private static String textRecipient(PatientContact contact, String phone) {
    return contact.getMessageNumber() != null && !contact.isThisNumberOnly() ? contact.getMessageNumber() : phone;
  }

  /** Email goes to the address the patient gave for messages, else to the request's. */
  private static String emailRecipient(PatientContact contact, CallbackRequest request) {
    return contact.getMessageEmail() != null ? contact.getMessageEmail() : request.getEmail();
  }

  /** The patient as scheduling sees them: their zone, and whether they asked to be left alone at work. */
  private Patient patient(CallbackRequest request, PatientContact contact) {
    return new Patient(request.patientZone(practiceZone), List.of(), contact.isNotDuringWorkHours());
  }

  /** A text to a number other than the patient's: whether that number itself said STOP. */
  private boolean optedOutElsewhere(String recipient, String patientPhone) {
    return !recipient.equals(patientPhone)
        && contacts.findById(recipient).map(other -> Boolean.FALSE.equals(other.getTextConsent())).orElse(false);
  }
}
