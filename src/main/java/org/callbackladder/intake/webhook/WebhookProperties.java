package org.callbackladder.intake.webhook;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Phone-system webhooks ({@code callback.webhooks.*}). Signatures are checked against the public
 * URL the provider calls ({@code CALLBACK_PUBLIC_BASE_URL}: proxies change the URL the application
 * sees). A webhook whose secret is not set refuses every request.
 */
@Validated
@ConfigurationProperties("callback.webhooks")
public record WebhookProperties(
    String publicBaseUrl,
    String twilioAuthToken,
    String phoneSystemSecret,
    @NotNull Duration timestampTolerance) {

  boolean twilioConfigured() {
    return twilioAuthToken != null && !twilioAuthToken.isBlank() && publicBaseUrl != null && !publicBaseUrl.isBlank();
  }

  boolean phoneSystemConfigured() {
    return phoneSystemSecret != null && !phoneSystemSecret.isBlank();
  }

  /** The public URL of a request path, without a trailing slash on the base. */
  String publicUrl(String path) {
    return publicBaseUrl.replaceAll("/+$", "") + path;
  }
}
