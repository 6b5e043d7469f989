package org.callbackladder.contact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.callbackladder.contact.TextSender.Refused.Kind;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends texts through Twilio's Messages resource: a form POST to
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json} with basic authentication (account SID and
 * auth token), {@code To}, {@code From} (a number or a messaging service SID) and {@code Body}, and a
 * {@code StatusCallback} for delivery receipts. Twilio's error codes decide what a refusal means.
 */
public class TwilioTextSender implements TextSender {

  /** The recipient replied STOP to the carrier: Twilio will not deliver to this number. */
  static final int UNSUBSCRIBED = 21610;

  private final RestClient twilio;
  private final String accountSid;
  private final String from;
  private final String statusCallback;

  public TwilioTextSender(String apiBaseUrl, String accountSid, String authToken, String from, String statusCallback) {
    this.accountSid = accountSid;
    this.from = from;
    this.statusCallback = statusCallback;
    String credentials = Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    this.twilio = RestClient.builder().baseUrl(apiBaseUrl).defaultHeader("Authorization", "Basic " + credentials).build();
  }

  @Override
  public Sent send(OutboxMessage message) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("To", message.getRecipient());
    form.add(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
    form.add("Body", message.getBody());
    if (statusCallback != null && !statusCallback.isBlank()) {
      form.add("StatusCallback", statusCallback);
    }
    try {
      JsonNode created = twilio.post().uri("/2010-04-01/Accounts/{sid}/Messages.json", accountSid)
          .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
          .retrieve().body(JsonNode.class);
      return new Sent(OutboxMessage.Status.SENT, created == null ? null : created.path("sid").asText(null));
    } catch (RestClientResponseException refused) {
      throw refusal(refused.getStatusCode(), refused.getResponseBodyAs(JsonNode.class));
    } catch (ResourceAccessException unreachable) {
      throw new Refused(Kind.TEMPORARY, "Twilio unreachable: " + unreachable.getClass().getSimpleName());
    }
  }

  private static Refused refusal(HttpStatusCode status, JsonNode body) {
    int code = body == null ? 0 : body.path("code").asInt(0);
    String reason = "Twilio " + status.value() + (code == 0 ? "" : " error " + code);
    if (code == UNSUBSCRIBED) {
      return new Refused(Kind.UNSUBSCRIBED, reason);
    }
    if (status.value() == 429 || status.is5xxServerError() || code == 20429) {
      return new Refused(Kind.TEMPORARY, reason);
    }
    return new Refused(Kind.PERMANENT, reason);
  }
}
