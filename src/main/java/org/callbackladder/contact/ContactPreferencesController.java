package org.callbackladder.contact;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.contact.PatientContact.Voicemail;
import org.callbackladder.request.PhoneNumbers;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/patients/{phone}/contact-preferences}: what a patient number agreed to and
 * asked for, for the practice's staff (SecurityConfiguration). Every read and change is audited.
 */
@Tag(name = "Patients", description = "A patient number's consent and restrictions")
@RestController
@RequestMapping(path = "/api/patients/{phone}/contact-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
public class ContactPreferencesController {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final PatientContacts contacts;
  private final PhoneNumbers phoneNumbers;
  private final AuditLog audit;

  public ContactPreferencesController(PatientContacts contacts, PhoneNumbers phoneNumbers, AuditLog audit) {
    this.contacts = contacts;
    this.phoneNumbers = phoneNumbers;
    this.audit = audit;
  }

  @GetMapping
  @Transactional
  public ContactPreferences show(@PathVariable String phone) {
    String number = number(phone);
    audit.record(AuditLog.Action.READ, null, "contact preferences of " + number);
    return contacts.preferences(number);
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ContactPreferences change(@PathVariable String phone, @RequestBody ContactPreferences.Update update) {
    String number = number(phone);
    List<FieldProblem> problems = new ArrayList<>();
    String source = FieldRules.requiredText("source", update.source(), 60, problems);
    if (update.voicemail() != null) {
      FieldRules.oneOf(Voicemail.class, "voicemail", update.voicemail(), problems);
    }
    String messageNumber = update.messageNumber();
    if (messageNumber != null && !messageNumber.isBlank()) {
      messageNumber = phoneNumbers.toE164(messageNumber).orElse(null);
      if (messageNumber == null) {
        problems.add(new FieldProblem("messageNumber", "phone-number", "is not a valid phone number"));
      }
    }
    String messageEmail = update.messageEmail() == null ? null : update.messageEmail().strip();
    if (messageEmail != null && !messageEmail.isEmpty() && (messageEmail.length() > 320 || !EMAIL.matcher(messageEmail).matches())) {
      problems.add(new FieldProblem("messageEmail", "email", "is not an email address"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return contacts.update(number, new ContactPreferences.Update(update.textConsent(),
        update.voicemail() == null ? null : update.voicemail().strip(), update.emailConsent(), update.portalConsent(),
        update.thisNumberOnly(),
        update.textOnly(), update.notDuringWorkHours(),
        update.messageNumber() == null ? null : update.messageNumber().isBlank() ? "" : messageNumber,
        messageEmail, source));
  }

  private String number(String written) {
    return phoneNumbers.toE164(written).orElseThrow(() -> new InvalidInputException(
        List.of(new FieldProblem("phone", "phone-number", "is not a valid phone number"))));
  }
}
