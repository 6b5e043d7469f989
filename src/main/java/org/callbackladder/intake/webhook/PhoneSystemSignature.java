package org.callbackladder.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import org.callbackladder.web.HmacSignature;
import org.callbackladder.web.RequestBudgets;
import org.callbackladder.web.RequestLimits;
import org.callbackladder.web.WebhookRejectedException;
import org.springframework.stereotype.Component;

/**
 * Checks a generic phone system's signature: {@code X-Callback-Signature: sha256=<hex>}, the
 * {@link HmacSignature} of {@code <X-Callback-Timestamp>.<raw body>} keyed with the shared secret. The
 * timestamp (Unix seconds) must be within the tolerance of now, so a captured request cannot be
 * sent again later.
 */
@Component
public class PhoneSystemSignature {


  private final WebhookProperties webhooks;
  private final RequestBudgets budgets;
  private final RequestLimits limits;
  private final Clock clock;

  public PhoneSystemSignature(WebhookProperties webhooks, RequestBudgets budgets, RequestLimits limits, Clock clock) {
    this.webhooks = webhooks;
    this.budgets = budgets;
    this.limits = limits;
    this.clock = clock;
  }

  /** Checks the signature, then counts the call against the phone system's own (high) limit. */
  public void verify(String timestamp, String signature, byte[] body) {
    if (!webhooks.phoneSystemConfigured()) {
      throw new WebhookRejectedException("The phone-system webhook is not configured (PHONE_SYSTEM_WEBHOOK_SECRET)");
    }
    if (timestamp == null || signature == null) {
      throw new WebhookRejectedException("Missing " + HmacSignature.TIMESTAMP_HEADER + " or " + HmacSignature.SIGNATURE_HEADER);
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw new WebhookRejectedException(HmacSignature.TIMESTAMP_HEADER + " must be Unix seconds");
    }
    long now = clock.instant().getEpochSecond();
    long tolerance = webhooks.timestampTolerance().toSeconds();
    // compared as numbers: any long is a possible (hostile) header, not every long is an Instant
    if (seconds < now - tolerance || seconds > now + tolerance) {
      throw new WebhookRejectedException(HmacSignature.TIMESTAMP_HEADER + " is more than " + webhooks.timestampTolerance() + " from now");
    }
    byte[] expected = HmacSignature.headerValue(webhooks.phoneSystemSecret(), timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
      throw new WebhookRejectedException("Invalid " + HmacSignature.SIGNATURE_HEADER);
    }
    budgets.spendOrRefuse("phone-system", limits.webhookRequestsPerMinute(), "the phone system");
  }
}
