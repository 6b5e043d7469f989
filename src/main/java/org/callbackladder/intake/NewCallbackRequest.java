package org.callbackladder.intake;

import org.callbackladder.request.Restrictions;

/**
 * A callback request as a channel delivers it: plain strings, validated by {@link
 * CallbackRequestValidator} whichever door it came through.
 */
public record NewCallbackRequest(
    String channel,
    String reason,
    Patient patient,
    String message,
    String preferredTimes,
    String externalId,
    Referral referral,
    Consent consent,
    Boolean returnCall,
    Restrictions restrictions) {

  public NewCallbackRequest(
      String channel, String reason, Patient patient, String message, String preferredTimes, String externalId) {
    this(channel, reason, patient, message, preferredTimes, externalId, null, null, null);
  }

  public NewCallbackRequest(
      String channel, String reason, Patient patient, String message, String preferredTimes, String externalId,
      Referral referral, Consent consent, Boolean returnCall) {
    this(channel, reason, patient, message, preferredTimes, externalId, referral, consent, returnCall, null);
  }

  /** The same request without the client's own id (the API keeps it apart per client). */
  public NewCallbackRequest withoutExternalId() {
    return new NewCallbackRequest(channel, reason, patient, message, preferredTimes, null, referral, consent, returnCall,
        restrictions);
  }

  /** The patient returning one of our calls (e.g. an answered inbound call from their number). */
  public boolean isReturnCall() {
    return Boolean.TRUE.equals(returnCall);
  }

  /**
   * Who to call back; only name and phone are required. {@code dateOfBirth} is YYYY-MM-DD;
   * {@code timeZone} an IANA zone such as America/Denver, when the form knows it.
   */
  public record Patient(
      String name, String phone, String email, String preferredLanguage, String dateOfBirth, String timeZone) {

    public Patient(String name, String phone) {
      this(name, phone, null, null, null, null);
    }
  }

  /** For requests that come with a referral: who referred, and whether their records arrived. */
  public record Referral(String practiceName, String contact, Boolean recordsReceived) {}

  /** What the patient agreed to on the form; null where the form did not ask. */
  public record Consent(Boolean text, Boolean voicemail, Boolean email) {}
}
