package org.callbackladder.intake.webhook;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.callbackladder.web.RequestBudgets;
import org.callbackladder.web.RequestLimits;
import org.callbackladder.web.WebhookRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Checks {@code X-Twilio-Signature}: HMAC-SHA1 of the full public URL followed by the POST
 * parameters sorted by name, keyed with the account's auth token. Twilio's own validator does the
 * cryptography.
 */
@Component
public class TwilioSignature {

  static final String HEADER = "X-Twilio-Signature";

  private final WebhookProperties webhooks;
  private final RequestBudgets budgets;
  private final RequestLimits limits;

  public TwilioSignature(WebhookProperties webhooks, RequestBudgets budgets, RequestLimits limits) {
    this.webhooks = webhooks;
    this.budgets = budgets;
    this.limits = limits;
  }

  /**
   * The POST parameters of a request Twilio signed; a {@link WebhookRejectedException} otherwise.
   * Twilio calls from a few addresses for all its customers, so signed calls are counted per
   * Twilio account (a high limit), never per address.
   */
  public Map<String, String> verifiedParameters(HttpServletRequest request) {
    if (!webhooks.twilioConfigured()) {
      throw new WebhookRejectedException("Twilio webhooks are not configured (TWILIO_AUTH_TOKEN, CALLBACK_PUBLIC_BASE_URL)");
    }
    String signature = request.getHeader(HEADER);
    if (signature == null || signature.isBlank()) {
      throw new WebhookRejectedException("Missing " + HEADER);
    }
    String query = request.getQueryString();
    String url = webhooks.publicUrl(request.getRequestURI()) + (query == null ? "" : "?" + query);
    Map<String, String> posted = postedParameters(request, query);
    if (!new RequestValidator(webhooks.twilioAuthToken()).validate(url, posted, signature)) {
      throw new WebhookRejectedException("Invalid " + HEADER);
    }
    budgets.spendOrRefuse("twilio:" + posted.get("AccountSid"), limits.webhookRequestsPerMinute(), "this Twilio account");
    return posted;
  }

  /** The servlet merges query and body parameters; Twilio signs the body's alone. */
  private static Map<String, String> postedParameters(HttpServletRequest request, String query) {
    Set<String> inQuery = query == null
        ? Set.of()
        : UriComponentsBuilder.newInstance().query(query).build().getQueryParams().keySet();
    Map<String, String> posted = new HashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      if (!inQuery.contains(name) && values.length > 0) {
        posted.put(name, values[0]);
      }
    });
    return posted;
  }
}
