package org.callbackladder.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.callbackladder.contact.MessageSender.Refused.Kind;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends texts through Twilio's Messages resource: a form POST to
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json} with basic authentication (account SID and
 * auth token), {@code To}, {@code From} (a number or a messaging service SID) and {@code Body}, and a
 * {@code StatusCallback} for delivery receipts that carries the row's token. Twilio's error codes
 * decide what a refusal means. A text found SENDING after an interruption is looked up among the
 * number's latest messages (Twilio lists them newest first; the list does not echo the status
 * callback, so it is matched by body and creation time) before it is sent again.
 */
public class TwilioTextSender implements MessageSender {

  /** The recipient replied STOP to the carrier: Twilio will not deliver to this number. */
  static final int UNSUBSCRIBED = 21610;
  /** Twilio's clock and ours may differ a little: a message created this long before the claim still counts. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private final RestClient twilio;
  private final String accountSid;
  private static final ObjectMapper ERRORS = new ObjectMapper();

  private final String from;
  private final String statusCallback;

  public TwilioTextSender(String apiBaseUrl, String accountSid, String authToken, String from, String statusCallback) {
    this.accountSid = accountSid;
    this.from = from;
    this.statusCallback = statusCallback;
    String credentials = Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    this.twilio = RestClient.builder().baseUrl(apiBaseUrl).defaultHeader("Authorization", "Basic " + credentials).requestFactory(MessageSenders.withTimeouts())
        .build();
  }

  @Override
  public Sent send(OutboxMessage message) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("To", message.getRecipient());
    form.add(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
    form.add("Body", message.getBody());
    if (statusCallback != null && !statusCallback.isBlank()) {
      form.add("StatusCallback",
          UriComponentsBuilder.fromUriString(statusCallback).queryParam("outbox", message.getSendToken()).build().toUriString());
    }
    try {
      JsonNode created = twilio.post().uri("/2010-04-01/Accounts/{sid}/Messages.json", accountSid)
          .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
          .retrieve().body(JsonNode.class);
      return new Sent(OutboxMessage.Status.SENT, created == null ? null : created.path("sid").asText(null));
    } catch (RestClientResponseException refused) {
      throw refusal(refused.getStatusCode(), errorBody(refused));
    } catch (RestClientException unanswered) {
      throw new Refused(Kind.UNANSWERED, "no answer from Twilio: " + unanswered.getClass().getSimpleName());
    }
  }

  @Override
  public Lookup lookUp(OutboxMessage message) {
    JsonNode page;
    try {
      // the number as a URI variable: encoded strictly, so its "+" is not read as a space
      page = twilio.get().uri("/2010-04-01/Accounts/{sid}/Messages.json?To={to}&PageSize=50", accountSid, message.getRecipient())
          .retrieve().body(JsonNode.class);
    } catch (RestClientException unreachable) {
      throw new Refused(Kind.TEMPORARY, "Twilio lookup failed: " + unreachable.getClass().getSimpleName());
    }
    if (page == null) {
      return new Lookup.NotFound();
    }
    // from the row's creation, which a lookup held for later does not move
    Instant claimed = message.getCreatedAt().minus(CLOCK_SKEW);
    for (JsonNode found : page.path("messages")) {
      if (sameWords(message.getBody(), found.path("body").asText()) && !createdAt(found).isBefore(claimed)) {
        return new Lookup.Found(new Sent(OutboxMessage.Status.SENT, found.path("sid").asText(null)));
      }
    }
    return new Lookup.NotFound();
  }

  /**
   * The words sent and the words Twilio lists, alike once Twilio's Smart Encoding (which may replace
   * typographic quotes, dashes, ellipses and special spaces with plain ones) is undone on both.
   */
  static boolean sameWords(String sent, String listed) {
    return plain(sent).equals(plain(listed));
  }

  private static String plain(String text) {
    StringBuilder plain = new StringBuilder(text.length());
    text.strip().codePoints().forEach(c -> plain.append(switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u2032' -> "'";
      case '\u201C', '\u201D', '\u201E', '\u2033' -> "\"";
      case '\u2013', '\u2014', '\u2212' -> "-";
      case '\u2026' -> "...";
      case '\u00A0', '\u2002', '\u2003', '\u2009', '\u202F' -> " ";
      default -> Character.toString(c);
    }));
    return plain.toString();
  }

  /** Twilio's error answer, or null when it is not JSON (a gateway's error page). */
  private static JsonNode errorBody(RestClientResponseException refused) {
    try {
      return ERRORS.readTree(refused.getResponseBodyAsString());
    } catch (JsonProcessingException unreadable) {
      return null;
    }
  }

  private static Instant createdAt(JsonNode message) {
    try {
      return ZonedDateTime.parse(message.path("date_created").asText(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException unreadable) {
      return Instant.MIN;
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
