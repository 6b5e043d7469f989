package org.callbackladder.intake;

import io.swagger.v3.oas.annotations.media.Schema;

import org.callbackladder.request.Restrictions;

/**
 * A callback request as a channel delivers it: plain strings, validated by {@link
 * CallbackRequestValidator} whichever door it came through.
 */
@Schema(description = "A callback request: who to call back, why, and what they said, as the channel delivered it")
public record NewCallbackRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Where the request came from", example = "WEB_FORM",
        allowableValues = {"MISSED_CALL", "VOICEMAIL", "WEB_FORM", "PORTAL_MESSAGE", "REFERRAL", "TEXT_MESSAGE", "PHONE_CALL",
            "MANUAL"})
    String channel,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What the patient needs; it picks the queue and script",
        example = "APPOINTMENT_REQUEST", allowableValues = {"NEW_PATIENT_APPOINTMENT", "APPOINTMENT_REQUEST",
            "APPOINTMENT_CHANGE", "REFERRAL_QUESTION", "TELEHEALTH_SUPPORT", "PRESCRIPTION_SCHEDULING",
            "POST_DISCHARGE_FOLLOW_UP", "INSURANCE_QUESTION", "FORMS_AND_INTAKE", "GENERAL"})
    String reason,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Patient patient,
    @Schema(description = "The patient's own words (screened for red flags first)", example = "I'd like a check-up next week",
        maxLength = 4000)
    String message,
    @Schema(description = "When the patient asked to be called, in their words", example = "weekday mornings", maxLength = 500)
    String preferredTimes,
    @Schema(description = "The sender's id for this event: the same id again answers as the first time", maxLength = 200)
    String externalId,
    Referral referral,
    Consent consent,
    @Schema(description = "The patient returning one of our calls (staff only)")
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
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Avery Quinn", maxLength = 200) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "In any common format; E.164 is kept",
          example = "+1 415 555 0132") String phone,
      @Schema(example = "avery@example.org") String email,
      @Schema(description = "BCP 47, e.g. es-MX: picks the scripts' language", example = "en") String preferredLanguage,
      @Schema(description = "YYYY-MM-DD, for identity checks", example = "1980-04-17") String dateOfBirth,
      @Schema(description = "IANA zone; else guessed from the number", example = "America/Denver") String timeZone) {

    public Patient(String name, String phone) {
      this(name, phone, null, null, null, null);
    }
  }

  /** For requests that come with a referral: who referred, and whether their records arrived. */
  public record Referral(String practiceName, String contact, Boolean recordsReceived) {}

  /** What the patient agreed to on the form; null where the form did not ask. */
  public record Consent(
      @Schema(description = "May we text this number (follow-ups, reminders)?") Boolean text,
      @Schema(description = "May we leave a voicemail?") Boolean voicemail,
      @Schema(description = "May we email the address given?") Boolean email) {}
}
