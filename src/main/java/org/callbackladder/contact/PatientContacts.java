package org.callbackladder.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.contact.PatientContact.Voicemail;
import org.callbackladder.request.Restrictions;
import org.callbackladder.schedule.ContactTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each patient number's consent and preferences, and every change to them with who, when, where
 * from and the previous value. An opt-out is honoured the moment it is recorded.
 */
@Service
public class PatientContacts implements ContactTimes {

  private static final Logger log = LoggerFactory.getLogger(PatientContacts.class);

  private final PatientContactRepository contacts;
  private final PatientContactChangeRepository changes;
  private final AuditLog audit;
  private final TransactionTemplate creating;
  private final Clock clock;

  public PatientContacts(
      PatientContactRepository contacts,
      PatientContactChangeRepository changes,
      AuditLog audit,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.contacts = contacts;
    this.changes = changes;
    this.audit = audit;
    this.creating = new TransactionTemplate(transactionManager);
    this.creating.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<PatientContact> find(String phone) {
    return contacts.findById(phone);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean notDuringWorkHours(String phone) {
    return contacts.findById(phone).map(PatientContact::isNotDuringWorkHours).orElse(false);
  }

  /** What an intake form asked and the patient answered; null where it did not ask. */
  public record Answers(Boolean text, Boolean voicemail, Boolean email, Boolean portal, Restrictions restrictions) {}

  /**
   * What an intake form asked (null where it did not ask): a yes or no to texts, voicemails, email
   * and portal messages, and restrictions ticked. A question not asked changes nothing; and a form,
   * which anyone may fill in with any number, only ever tightens what the patient said otherwise: it
   * does not lift an opt-out (START or staff do), allow voicemails staff recorded the patient does not
   * want, or lift a restriction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void answered(String phone, Answers answers, String source) {
    Restrictions asked = answers.restrictions() == null ? new Restrictions(null, null, null) : answers.restrictions();
    if (answers.text() == null && answers.voicemail() == null && answers.email() == null && answers.portal() == null
        && !Boolean.TRUE.equals(asked.thisNumberOnly()) && !Boolean.TRUE.equals(asked.textOnly())
        && !Boolean.TRUE.equals(asked.notDuringWorkHours())) {
      return;
    }
    PatientContact contact = lockOrCreate(phone);
    Edit form = new Edit(contact, source, audit.actor(), clock.instant());
    boolean optedOut = contact.getOptedOutAt() != null;
    Boolean text = answers.text();
    if (text != null && !text.equals(contact.getTextConsent()) && !(text && optedOut)) {
      changed(contact, "textConsent", contact.getTextConsent(), text, source, form.by(), form.at());
      contact.textConsent(text, source, form.by(), form.at(), false);
    }
    if (answers.voicemail() != null) {
      Voicemail preference = answers.voicemail() ? Voicemail.ALLOWED : Voicemail.NOT_ALLOWED;
      boolean loosens = preference.ordinal() < contact.getVoicemail().ordinal();
      apply(form, "voicemail", !(loosens && recordedBefore(contact, "voicemail")), preference, contact.getVoicemail(),
          contact::voicemail);
    }
    apply(form, "emailConsent", tightens(answers.email(), contact.getEmailConsent()), answers.email(), contact.getEmailConsent(),
        contact::emailConsent);
    apply(form, "portalConsent", tightens(answers.portal(), contact.getPortalConsent()), answers.portal(),
        contact.getPortalConsent(), contact::portalConsent);
    restrict(form, asked);
  }

  /** The restrictions ticked (true) are added; one not ticked is left as it was. */
  private void restrict(Edit edit, Restrictions asked) {
    PatientContact contact = edit.contact();
    apply(edit, "thisNumberOnly", Boolean.TRUE.equals(asked.thisNumberOnly()), true, contact.isThisNumberOnly(),
        contact::thisNumberOnly);
    apply(edit, "textOnly", Boolean.TRUE.equals(asked.textOnly()), true, contact.isTextOnly(), contact::textOnly);
    apply(edit, "notDuringWorkHours", Boolean.TRUE.equals(asked.notDuringWorkHours()), true, contact.isNotDuringWorkHours(),
        contact::notDuringWorkHours);
  }

  /** What the patient asked for on a call, as the coordinator ticked it: each only ever restricts. */
  public record AskedOnCall(boolean noTexts, boolean noVoicemail, boolean textOnly, boolean thisNumberOnly,
      boolean notDuringWorkHours) {

    public static final AskedOnCall NOTHING = new AskedOnCall(false, false, false, false, false);

    public boolean anything() {
      return !equals(NOTHING);
    }
  }

  /**
   * What the patient asked for on a call, recorded by the person who made it ({@code by}). "Stop texting me" is an
   * opt-out like STOP, lifted only by the patient's START or by staff who recorded their new consent;
   * the rest are restrictions staff lift through the contact preferences.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void askedOnCall(String phone, AskedOnCall asked, String source, String by) {
    if (!asked.anything()) {
      return;
    }
    PatientContact contact = lockOrCreate(phone);
    Edit call = new Edit(contact, source, by, clock.instant());
    if (asked.noTexts() && contact.getOptedOutAt() == null) {
      changed(contact, "textConsent", contact.getTextConsent(), false, source, call.by(), call.at());
      contact.textConsent(false, source, call.by(), call.at(), true);
      log.info("Text consent revoked on a call for a patient number");
    }
    apply(call, "voicemail", asked.noVoicemail(), Voicemail.NOT_ALLOWED, contact.getVoicemail(), contact::voicemail);
    restrict(call, new Restrictions(asked.thisNumberOnly(), asked.textOnly(), asked.notDuringWorkHours()));
  }

  /**
   * The patient's own word by text (STOP, START...): true when it changed the number's text consent,
   * so a repeated STOP is not confirmed twice.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean textConsentByKeyword(String phone, boolean granted, String keyword) {
    PatientContact contact = lockOrCreate(phone);
    // a STOP after a form's "no" is still the patient's opt-out, recorded and confirmed once
    if (Objects.equals(contact.getTextConsent(), granted) && (granted || contact.getOptedOutAt() != null)) {
      return false;
    }
    Instant now = clock.instant();
    String source = "keyword " + keyword;
    changed(contact, "textConsent", contact.getTextConsent(), granted, source, "patient", now);
    contact.textConsent(granted, source, "patient", now, true);
    log.info("Text consent {} by keyword for a patient number", granted ? "given" : "revoked");
    return true;
  }

  /** The number's preferences and their history; a number never recorded shows the defaults. */
  @Transactional(readOnly = true)
  public ContactPreferences preferences(String phone) {
    return ContactPreferences.of(phone, contacts.findById(phone).orElse(null), changes.findByPhoneOrderByChangedAtAscIdAsc(phone));
  }

  /**
   * What staff recorded that the patient asked for. Validated by the caller; each field given and
   * different from before is changed and kept in the history.
   */
  @Transactional
  public ContactPreferences update(String phone, ContactPreferences.Update update) {
    PatientContact contact = lockOrCreate(phone);
    Edit staff = new Edit(contact, "staff: " + update.source(), audit.actor(), clock.instant());
    apply(staff, "textConsent", update.textConsent() != null, update.textConsent(), contact.getTextConsent(),
        // a "no" the patient told staff is an opt-out: only their START or staff lift it, never a web form
        granted -> contact.textConsent(granted, staff.source(), staff.by(), staff.at(), !granted));
    apply(staff, "voicemail", update.voicemail() != null,
        update.voicemail() == null ? null : Voicemail.valueOf(update.voicemail()), contact.getVoicemail(), contact::voicemail);
    apply(staff, "emailConsent", update.emailConsent() != null, update.emailConsent(), contact.getEmailConsent(),
        contact::emailConsent);
    apply(staff, "portalConsent", update.portalConsent() != null, update.portalConsent(), contact.getPortalConsent(),
        contact::portalConsent);
    apply(staff, "thisNumberOnly", update.thisNumberOnly() != null, update.thisNumberOnly(), contact.isThisNumberOnly(),
        contact::thisNumberOnly);
    apply(staff, "textOnly", update.textOnly() != null, update.textOnly(), contact.isTextOnly(), contact::textOnly);
    apply(staff, "notDuringWorkHours", update.notDuringWorkHours() != null, update.notDuringWorkHours(),
        contact.isNotDuringWorkHours(), contact::notDuringWorkHours);
    // the number and the address are patient data: the history says that they changed, not to what
    applyHidden(staff, "messageNumber", update.messageNumber(), contact.getMessageNumber(), contact::messageNumber);
    applyHidden(staff, "messageEmail", update.messageEmail(), contact.getMessageEmail(), contact::messageEmail);
    return ContactPreferences.of(phone, contact, changes.findByPhoneOrderByChangedAtAscIdAsc(phone));
  }

  /** One update of one number's record (by staff or a form): each field given and different is changed and kept in the history. */
  private record Edit(PatientContact contact, String source, String by, Instant at) {}

  /** The SMS provider says the number unsubscribed at the carrier (Twilio 21610): the same as a STOP. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void revokedAtTheCarrier(String phone, String reason) {
    PatientContact contact = lockOrCreate(phone);
    if (contact.getOptedOutAt() == null) {
      Instant now = clock.instant();
      changed(contact, "textConsent", contact.getTextConsent(), false, "provider: " + reason, "provider", now);
      contact.textConsent(false, "provider: " + reason, "provider", now, true);
    }
  }

  /** A form's answer counts unless it turns the patient's earlier no into a yes. */
  private static boolean tightens(Boolean answer, Boolean current) {
    return answer != null && !(answer && Boolean.FALSE.equals(current));
  }

  private boolean recordedBefore(PatientContact contact, String field) {
    return changes.findByPhoneOrderByChangedAtAscIdAsc(contact.getPhone()).stream().anyMatch(c -> c.getField().equals(field));
  }

  /**
   * The number's record, locked. A record not there yet is created in a transaction of its own
   * first, so two first contacts of a number at once both find it instead of one failing on the key.
   */
  private PatientContact lockOrCreate(String phone) {
    if (!contacts.existsById(phone)) {
      try {
        creating.executeWithoutResult(status -> contacts.saveAndFlush(new PatientContact(phone)));
      } catch (DataIntegrityViolationException createdMeanwhile) {
        // another transaction created it: lock theirs
      }
    }
    return contacts.lockByPhone(phone).orElseThrow();
  }

  private <T> void apply(Edit staff, String field, boolean given, T wanted, T current, Consumer<T> set) {
    if (given && !Objects.equals(wanted, current)) {
      changed(staff.contact(), field, current, wanted, staff.source(), staff.by(), staff.at());
      set.accept(wanted);
    }
  }

  /** A number or an address: {@code ""} removes it, and the history keeps only whether one is set. */
  private void applyHidden(Edit staff, String field, String given, String current, Consumer<String> set) {
    String wanted = given == null || given.isEmpty() ? null : given;
    if (given != null && !Objects.equals(wanted, current)) {
      changed(staff.contact(), field, current == null ? null : "set", wanted == null ? null : "set", staff.source(), staff.by(),
          staff.at());
      set.accept(wanted);
    }
  }

  private void changed(PatientContact contact, String field, Object from, Object to, String source, String by, Instant at) {
    changes.save(new PatientContactChange(contact.getPhone(), field, from, to, source, by, at));
    audit.record(AuditLog.Action.CONTACT_CHANGED, null,
        contact.getPhone() + " " + field + ": " + from + " -> " + to + " (" + source + ")");
  }
}
