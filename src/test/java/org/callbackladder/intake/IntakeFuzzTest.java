package org.callbackladder.intake;

import org.callbackladder.web.HmacSignature;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.callbackladder.intake.webhook.PhoneSystemSignature;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed and hostile payloads, 1,000 or more for each intake endpoint, generated from a fixed
 * seed: no answer is a server error, each is a problem+json, and nothing is written.
 */
@CallbackLadderTest
class IntakeFuzzTest {

  static final int PER_ENDPOINT = 1000;
  /** Control characters no person types: NUL, bell, backspace, escape, DEL, a C1 control. */
  static final String CONTROL = "\u0000\u0007\u0008\u001B\u007F\u0085";
  static final List<String> HOSTILE = List.of(
      "<script>alert(1)</script>", "'; drop table callback_request; --", "${jndi:ldap://127.0.0.1/x}",
      "{{7*7}}", "\u0000\u0001\u0002", "\uD83D\uDE00".repeat(50), "../../etc/passwd", "%00%0d%0a",
      "[click](javascript:alert(1))", "A".repeat(5000), "\u202Eevil", "null", "true", "-1", "1e309");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;

  final Random random = new Random(20261201L);
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void theApiRefusesEveryMalformedOrHostileRequest() throws Exception {
    fuzz(() -> request("/api/callbacks", "application/json", apiBody())
        .header("Authorization", basic("coordinator", "demo")));
  }

  @Test
  void theTwilioWebhooksRefuseEveryUnprovenOrMalformedRequest() throws Exception {
    for (String path : List.of("/webhooks/twilio/voice/status", "/webhooks/twilio/voice/recording", "/webhooks/twilio/sms")) {
      fuzz(() -> twilioRequest(path));
    }
  }

  /** A signed event whose only fault is a number nobody can call is kept aside (202), never a request. */
  @Test
  void thePhoneSystemWebhookRefusesEveryUnprovenOrMalformedRequest() throws Exception {
    fuzz(this::phoneSystemRequest);
  }

  private void fuzz(Supplier<HttpRequest.Builder> requests) throws Exception {
    long rowsBefore = rows();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < PER_ENDPOINT; i++) {
      HttpRequest request = requests.get().build();
      HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      String type = answer.headers().firstValue("Content-Type").orElse("");
      boolean keptAside = answer.statusCode() == 202 && answer.body().contains("\"uncallable\":true");
      if (!keptAside && (answer.statusCode() >= 500 || answer.statusCode() < 400 || !type.startsWith("application/problem+json"))) {
        failures.add(answer.statusCode() + " " + type + " for " + request.uri() + ": " + answer.body());
      }
    }
    assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
    assertThat(rows()).as("rows written").isEqualTo(rowsBefore);
  }

  private long rows() {
    return jdbc.queryForObject(
        "select (select count(*) from callback_request) + (select count(*) from callback_signal)"
            + " + (select count(*) from call_attempt) + (select count(*) from outbox_message)", Long.class);
  }

  /** JSON that breaks at least one rule: bad syntax, wrong types, unknown values, no valid number. */
  private String apiBody() {
    return apiBody(true);
  }

  /**
   * {@code controlCharacters}: whether a body may break only that rule; a phone system's webhook
   * strips them instead of refusing the event.
   */
  private String apiBody(boolean controlCharacters) {
    return switch (random.nextInt(controlCharacters ? 9 : 8)) {
      case 0 -> randomText(random.nextInt(200));
      case 8 -> withControlCharacter();
      case 1 -> truncate(validLooking(badPhone()));
      case 2 -> validLooking(badPhone());
      case 3 -> validLooking("\"+1415555" + random.nextInt(10000) + "\"").replace("\"WEB_FORM\"", quote(hostile()));
      case 4 -> "[".repeat(random.nextInt(3000) + 1);
      case 5 -> "{\"channel\": " + randomJsonValue() + ", \"reason\": " + randomJsonValue() + ", \"patient\": " + randomJsonValue() + "}";
      case 6 -> validLooking("\"+1415555" + random.nextInt(10000) + "\"").replace("\"GENERAL\"", String.valueOf(random.nextInt()));
      default -> validLooking(badPhone()).replace("\"name\": \"Pat\"", "\"name\": " + quote("x".repeat(201 + random.nextInt(300))));
    };
  }

  /** Valid in every way but one: a NUL, escape or other control character in one text field. */
  private String withControlCharacter() {
    String control = String.valueOf(CONTROL.charAt(random.nextInt(CONTROL.length())));
    String field = List.of("name", "message", "preferredTimes").get(random.nextInt(3));
    String text = quote("Pat" + control + "Smith");
    return "{\"channel\": \"WEB_FORM\", \"reason\": \"GENERAL\", \"patient\": {\"name\": "
        + (field.equals("name") ? text : "\"Pat\"") + ", \"phone\": \"+1415555" + (1000 + random.nextInt(9000)) + "\"},"
        + " \"message\": " + (field.equals("message") ? text : "\"hello\"") + ", \"preferredTimes\": "
        + (field.equals("preferredTimes") ? text : "\"mornings\"") + "}";
  }

  @Test
  void searchesRefusePagesPastTheLastOneAnyoneReads() throws Exception {
    for (String query : List.of("page=2147483647", "page=10001", "page=-1", "size=0", "size=2147483647", "page=99999999999")) {
      for (String path : List.of("/api/callbacks?", "/api/audit?", "/api/audit.csv?")) {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
            .header("Authorization", basic("manager", "demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + query + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      }
    }
  }

  private String validLooking(String phone) {
    return "{\"channel\": \"WEB_FORM\", \"reason\": \"GENERAL\", \"patient\": {\"name\": \"Pat\", \"phone\": " + phone
        + "}, \"message\": " + quote(hostile()) + "}";
  }

  /** Numbers no one can call back: too short, words, injection, wrong type. */
  private String badPhone() {
    return switch (random.nextInt(5)) {
      case 0 -> quote(String.valueOf(random.nextInt(99999)));
      case 1 -> quote(hostile());
      case 2 -> "null";
      case 3 -> String.valueOf(random.nextLong());
      default -> quote("+" + "9".repeat(random.nextInt(30) + 16));
    };
  }

  private HttpRequest.Builder twilioRequest(String path) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("CallSid", "CA" + random.nextInt());
    form.put("MessageSid", "SM" + random.nextInt());
    form.put("RecordingSid", "RE" + random.nextInt());
    form.put("From", random.nextBoolean() ? hostile() : "+14155550100");
    form.put("CallStatus", random.nextBoolean() ? "no-answer" : hostile());
    form.put("Direction", "inbound");
    form.put("Body", hostile());
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return switch (random.nextInt(4)) {
      case 0 -> request(path, "application/x-www-form-urlencoded", body);
      case 1 -> request(path, "application/x-www-form-urlencoded", body).header("X-Twilio-Signature", randomSignature());
      case 2 -> request(path, "application/json", "{\"CallSid\": " + quote(hostile()) + "}").header("X-Twilio-Signature", randomSignature());
      default -> request(path, "application/x-www-form-urlencoded", randomText(random.nextInt(300)))
          .header("X-Twilio-Signature", randomSignature());
    };
  }

  private HttpRequest.Builder phoneSystemRequest() {
    String now = String.valueOf(clock.instant().getEpochSecond());
    String body = random.nextBoolean() ? apiBody(false).replace("{\"channel\"", "{\"eventId\": \"e" + random.nextInt() + "\", \"channel\"") : randomText(120);
    String signed = "sha256=" + HmacSignature.sign(CallbackLadderTest.PHONE_SYSTEM_SECRET, now, body.getBytes(StandardCharsets.UTF_8));
    return switch (random.nextInt(5)) {
      case 0 -> request("/webhooks/phone-system", "application/json", body);
      case 1 -> request("/webhooks/phone-system", "application/json", body)
          .header("X-Callback-Timestamp", now).header("X-Callback-Signature", randomSignature());
      case 2 -> request("/webhooks/phone-system", "application/json", body)
          .header("X-Callback-Timestamp", String.valueOf(random.nextLong())).header("X-Callback-Signature", signed);
      case 3 -> request("/webhooks/phone-system", "application/json", body + " ")
          .header("X-Callback-Timestamp", now).header("X-Callback-Signature", signed);
      // signed correctly: the content itself is what is wrong
      default -> request("/webhooks/phone-system", "application/json", body)
          .header("X-Callback-Timestamp", now).header("X-Callback-Signature", signed);
    };
  }

  private HttpRequest.Builder request(String path, String contentType, String body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private String hostile() {
    return HOSTILE.get(random.nextInt(HOSTILE.size()));
  }

  private String randomJsonValue() {
    return switch (random.nextInt(6)) {
      case 0 -> "null";
      case 1 -> String.valueOf(random.nextDouble());
      case 2 -> "[" + quote(hostile()) + "]";
      case 3 -> "{\"$ne\": null}";
      case 4 -> quote(hostile());
      default -> "true";
    };
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (random.nextInt(0x2FF) + 1));
    }
    return text.toString();
  }

  private String randomSignature() {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String truncate(String json) {
    return json.substring(0, json.length() / 2);
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
