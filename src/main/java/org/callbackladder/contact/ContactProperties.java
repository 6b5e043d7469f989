package org.callbackladder.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where the call scripts come from, and how many texts one patient number may get
 * ({@code callback.contact.*}; the FCC's healthcare exemption expects at most one a day and three a
 * week).
 */
@Validated
@ConfigurationProperties("callback.contact")
public record ContactProperties(@NotNull Resource scripts, @Valid @NotNull TextCaps textCaps, String sender, Twilio twilio) {

  /** Texts to one number, across all its requests, in the last 24 hours and the last 7 days. */
  public record TextCaps(@Min(0) int perDay, @Min(0) int perWeek) {}

  /**
   * Twilio's Messages API: the account, who the texts come from (a number or a messaging service
   * SID), and where Twilio reports delivery.
   */
  public record Twilio(String apiBaseUrl, String accountSid, String authToken, String from, String statusCallbackUrl) {}

  /** {@code twilio} sends through Twilio; anything else (the default, {@code record}) keeps texts as RECORDED. */
  public boolean sendsThroughTwilio() {
    return "twilio".equalsIgnoreCase(sender);
  }
}
