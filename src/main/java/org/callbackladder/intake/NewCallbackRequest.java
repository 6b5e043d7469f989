package org.callbackladder.intake;

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
    String externalId) {

  public record Patient(String name, String phone) {}
}
