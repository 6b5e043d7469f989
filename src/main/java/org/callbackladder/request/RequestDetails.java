package org.callbackladder.request;

import java.time.LocalDate;

/** A new signal's values, validated and normalized (phone in E.164), whichever channel brought it. */
public record RequestDetails(
    Channel channel,
    Reason reason,
    String patientName,
    String patientPhone,
    String phoneType,
    String patientTimeZone,
    String email,
    String preferredLanguage,
    LocalDate dateOfBirth,
    String message,
    String preferredTimes,
    String referringPractice,
    String referringContact,
    Boolean recordsReceived,
    Boolean consentText,
    Boolean consentVoicemail,
    Boolean consentEmail,
    Restrictions restrictions,
    String externalId) {

  public RequestDetails withExternalId(String id) {
    return new RequestDetails(channel, reason, patientName, patientPhone, phoneType, patientTimeZone, email, preferredLanguage,
        dateOfBirth, message, preferredTimes, referringPractice, referringContact, recordsReceived, consentText,
        consentVoicemail, consentEmail, restrictions, id);
  }
}
