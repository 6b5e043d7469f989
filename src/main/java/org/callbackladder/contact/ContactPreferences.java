package org.callbackladder.contact;

import java.time.Instant;
import java.util.List;

/** A patient number's consent and restrictions, with every change, as the API shows them. */
public record ContactPreferences(
    String phone,
    Boolean textConsent,
    String textConsentSource,
    Instant textConsentAt,
    String textConsentBy,
    Instant optedOutAt,
    String voicemail,
    Boolean emailConsent,
    Boolean portalConsent,
    boolean thisNumberOnly,
    boolean textOnly,
    boolean notDuringWorkHours,
    String messageNumber,
    String messageEmail,
    List<Change> history) {

  /** One change: which field, from what to what, where the practice learned it, who recorded it, when. */
  public record Change(String field, String from, String to, String source, String by, Instant at) {}

  /**
   * What staff change (a field left out stays as it is; an empty number or address removes it), and
   * how the patient told them ({@code source}, required: "phone call", "front desk", "letter").
   */
  public record Update(
      Boolean textConsent,
      String voicemail,
      Boolean emailConsent,
      Boolean portalConsent,
      Boolean thisNumberOnly,
      Boolean textOnly,
      Boolean notDuringWorkHours,
      String messageNumber,
      String messageEmail,
      String source) {}

  static ContactPreferences of(String phone, PatientContact contact, List<PatientContactChange> changes) {
    PatientContact shown = contact == null ? new PatientContact(phone) : contact;
    return new ContactPreferences(phone, shown.getTextConsent(), shown.getTextConsentSource(), shown.getTextConsentAt(),
        shown.getTextConsentBy(), shown.getOptedOutAt(), shown.getVoicemail().name(), shown.getEmailConsent(),
        shown.getPortalConsent(), shown.isThisNumberOnly(), shown.isTextOnly(), shown.isNotDuringWorkHours(), shown.getMessageNumber(),
        shown.getMessageEmail(),
        changes.stream()
            .map(c -> new Change(c.getField(), c.getOldValue(), c.getNewValue(), c.getSource(), c.getChangedBy(), c.getChangedAt()))
            .toList());
  }
}
