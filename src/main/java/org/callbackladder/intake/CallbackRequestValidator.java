package org.callbackladder.intake;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.request.Channel;
import org.callbackladder.request.PhoneNumbers.Phone;
import org.callbackladder.request.PhoneNumbers;
import org.callbackladder.request.Reason;
import org.callbackladder.request.RequestDetails;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.springframework.stereotype.Component;

/** The rules every new callback request meets, whichever channel brought it. */
@Component
public class CallbackRequestValidator {

  public static final int NAME_MAX = 200;
  public static final int MESSAGE_MAX = 4000;
  public static final int PREFERRED_TIMES_MAX = 500;
  static final int EXTERNAL_ID_MAX = 200;
  static final int EMAIL_MAX = 320;
  static final int REFERRAL_MAX = 200;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private final PhoneNumbers phoneNumbers;
  private final ZoneId practiceZone;
  private final Clock clock;

  public CallbackRequestValidator(PhoneNumbers phoneNumbers, PracticeProperties practice, Clock clock) {
    this.phoneNumbers = phoneNumbers;
    this.practiceZone = practice.timeZone();
    this.clock = clock;
  }

  /** The request with its values parsed and normalized, or an exception listing every problem. */
  public RequestDetails validate(NewCallbackRequest input) {
    List<FieldProblem> problems = new ArrayList<>();
    Channel channel = FieldRules.oneOf(Channel.class, "channel", input.channel(), problems);
    Reason reason = FieldRules.oneOf(Reason.class, "reason", input.reason(), problems);
    NewCallbackRequest.Patient patient = input.patient();
    String name = null;
    Phone phone = null;
    String email = null;
    String language = null;
    LocalDate birth = null;
    ZoneId zone = null;
    if (patient == null) {
      problems.add(new FieldProblem("patient", "required", "is required"));
    } else {
      name = channel != null && channel.collectsName()
          ? FieldRules.requiredText("patient.name", patient.name(), NAME_MAX, problems)
          : FieldRules.optionalText("patient.name", patient.name(), NAME_MAX, problems);
      phone = phone("patient.phone", patient.phone(), problems);
      email = email(patient.email(), problems);
      language = language("patient.preferredLanguage", patient.preferredLanguage(), problems);
      birth = dateOfBirth(patient.dateOfBirth(), problems);
      zone = timeZone("patient.timeZone", patient.timeZone(), problems);
    }
    String message = FieldRules.optionalText("message", input.message(), MESSAGE_MAX, problems);
    String preferredTimes = FieldRules.optionalText("preferredTimes", input.preferredTimes(), PREFERRED_TIMES_MAX, problems);
    String externalId = FieldRules.optionalText("externalId", input.externalId(), EXTERNAL_ID_MAX, problems);
    NewCallbackRequest.Referral referral = input.referral();
    String referringPractice = null;
    String referringContact = null;
    if (referral != null) {
      referringPractice = FieldRules.optionalText("referral.practiceName", referral.practiceName(), REFERRAL_MAX, problems);
      referringContact = FieldRules.optionalText("referral.contact", referral.contact(), REFERRAL_MAX, problems);
    }
    NewCallbackRequest.Consent consent = input.consent() == null ? new NewCallbackRequest.Consent(null, null, null) : input.consent();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    // the patient's zone: as given, else the one their number belongs to, else the practice's
    ZoneId patientZone = zone != null ? zone : phoneNumbers.timeZoneOf(phone.e164()).orElse(practiceZone);
    return new RequestDetails(
        channel, reason, name, phone.e164(), phone.type(), patientZone.getId(), email, language, birth, message, preferredTimes,
        referringPractice, referringContact, referral == null ? null : referral.recordsReceived(),
        consent.text(), consent.voicemail(), consent.email(), input.restrictions(), externalId);
  }

  /** A number the practice can call, in any common format; a problem named {@code field} if not. */
  public Phone phone(String field, String written, List<FieldProblem> problems) {
    String text = FieldRules.requiredText(field, written, 40, problems);
    if (text == null) {
      return null;
    }
    Optional<Phone> phone = phoneNumbers.parse(text);
    if (phone.isEmpty()) {
      problems.add(new FieldProblem(field, "phone-number",
          "is not a phone number we can call: enter " + phoneNumbers.howToWrite()));
    }
    return phone.orElse(null);
  }

  private static String email(String written, List<FieldProblem> problems) {
    String text = FieldRules.optionalText("patient.email", written, EMAIL_MAX, problems);
    if (text != null && !EMAIL.matcher(text).matches()) {
      problems.add(new FieldProblem("patient.email", "email", "is not an email address"));
      return null;
    }
    return text;
  }

  /** A language tag such as en or es-MX, normalised; a problem named {@code field} if not. */
  public static String language(String field, String written, List<FieldProblem> problems) {
    String text = FieldRules.optionalText(field, written, 35, problems);
    if (text == null) {
      return null;
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(text).build();
      if (!locale.getLanguage().isEmpty()) {
        return locale.toLanguageTag();
      }
    } catch (IllformedLocaleException e) {
      // reported below
    }
    problems.add(new FieldProblem(field, "language-tag", "is not a language tag such as en or es-MX"));
    return null;
  }

  /** A time zone such as America/Denver; a problem named {@code field} if not. */
  public static ZoneId timeZone(String field, String written, List<FieldProblem> problems) {
    String text = FieldRules.optionalText(field, written, 64, problems);
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      problems.add(new FieldProblem(field, "time-zone", "is not a time zone such as America/Denver"));
      return null;
    }
  }

  private LocalDate dateOfBirth(String written, List<FieldProblem> problems) {
    String text = FieldRules.optionalText("patient.dateOfBirth", written, 10, problems);
    if (text == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.isBefore(EARLIEST_BIRTH) || date.isAfter(LocalDate.now(clock))) {
        problems.add(new FieldProblem("patient.dateOfBirth", "range", "must be between 1900-01-01 and today"));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("patient.dateOfBirth", "date", "must be a date as YYYY-MM-DD"));
      return null;
    }
  }
}
