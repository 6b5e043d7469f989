package org.callbackladder.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where the call scripts come from, how many messages one patient number may get
 * ({@code callback.contact.*}; the FCC's healthcare exemption expects at most one text a day and
 * three a week), and how each channel leaves.
 */
@Validated
@ConfigurationProperties("callback.contact")
public record ContactProperties(
    @Valid @NotNull Scripts scripts, @Valid @NotNull MessageCaps messageCaps, String textSender, Twilio twilio, Email email,
    Portal portal) {

  /**
   * The call scripts: one file per language ({@code location}, a pattern), the language used when a
   * patient's is not among them, and the phrases no script may use.
   */
  public record Scripts(@NotBlank String location, @NotBlank String defaultLanguage, @NotNull Resource pressurePhrases) {}

  /** The ladder's messages about one number (texts, email, portal), across all its requests, in the last 24 hours and the last 7 days. */
  public record MessageCaps(@Min(0) int perDay, @Min(0) int perWeek) {}

  /**
   * Twilio's Messages API: the account, who the texts come from (a number or a messaging service
   * SID), and where Twilio reports delivery.
   */
  public record Twilio(String apiBaseUrl, String accountSid, String authToken, String from, String statusCallbackUrl) {}

  /** Email over SMTP (spring.mail.*) when {@code sender} is {@code smtp}: the practice's address messages come from. */
  public record Email(String sender, String from) {

    public boolean sendsThroughSmtp() {
      return "smtp".equalsIgnoreCase(sender);
    }
  }

  /**
   * The practice's patient portal when {@code sender} is {@code webhook}: messages are posted to
   * {@code url}, signed with {@code secret} (HMAC-SHA256 of timestamp and body).
   */
  public record Portal(String sender, String url, String secret) {

    public boolean sendsThroughWebhook() {
      return "webhook".equalsIgnoreCase(sender);
    }
  }

  /** {@code twilio} sends through Twilio; anything else (the default, {@code record}) keeps texts as RECORDED. */
  public boolean sendsThroughTwilio() {
    return "twilio".equalsIgnoreCase(textSender);
  }
}
