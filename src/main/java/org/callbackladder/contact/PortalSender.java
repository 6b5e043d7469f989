package org.callbackladder.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.callbackladder.contact.MessageSender.Refused.Kind;
import org.callbackladder.web.HmacSignature;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Posts a message for the patient to the practice's portal: a JSON body ({@code messageId},
 * {@code callbackRequestId}, {@code patientPhone}, {@code kind}, {@code subject}, {@code body}) signed
 * like the phone-system webhook ({@code X-Callback-Signature: sha256=<hex>} over
 * {@code <X-Callback-Timestamp>.<body>}), with the row's token as {@code Idempotency-Key}. The portal
 * drops a repeat of a key it has seen, so a message interrupted while sending is simply sent again.
 */
public class PortalSender implements MessageSender {

  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient portal;
  private final String secret;
  private final Clock clock;

  public PortalSender(String url, String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
    this.portal = RestClient.builder().baseUrl(url).requestFactory(MessageSenders.withTimeouts())
        .build();
  }

  @Override
  public Sent send(OutboxMessage message) {
    ObjectNode payload = JSON.createObjectNode()
        .put("messageId", message.getSendToken())
        .put("callbackRequestId", message.getCallbackRequestId() == null ? null : message.getCallbackRequestId().toString())
        .put("patientPhone", message.getRecipient())
        .put("kind", message.getKind().name())
        .put("subject", message.getSubject())
        .put("body", message.getBody());
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    try {
      JsonNode answer = portal.post()
          .contentType(MediaType.APPLICATION_JSON)
          .header(HmacSignature.TIMESTAMP_HEADER, timestamp)
          .header(HmacSignature.SIGNATURE_HEADER, HmacSignature.headerValue(secret, timestamp, body))
          .header(IDEMPOTENCY_HEADER, message.getSendToken())
          .body(body)
          .retrieve().body(JsonNode.class);
      String id = answer == null ? null : answer.path("id").asText(null);
      return new Sent(OutboxMessage.Status.SENT, id == null ? message.getSendToken() : id);
    } catch (RestClientResponseException refused) {
      int status = refused.getStatusCode().value();
      boolean forNow = status == 408 || status == 429 || refused.getStatusCode().is5xxServerError();
      throw new Refused(forNow ? Kind.TEMPORARY : Kind.PERMANENT, "portal answered " + status);
    } catch (RestClientException unanswered) {
      // the portal drops a repeated key: sending again after the lease is harmless
      throw new Refused(Kind.UNANSWERED, "no answer from the portal: " + unanswered.getClass().getSimpleName());
    }
  }

  /** The portal drops a repeated Idempotency-Key: sending again cannot deliver twice. */
  @Override
  public Lookup lookUp(OutboxMessage message) {
    return new Lookup.NotFound();
  }
}
