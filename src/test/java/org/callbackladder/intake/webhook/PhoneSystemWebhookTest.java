package org.callbackladder.intake.webhook;

import org.callbackladder.web.HmacSignature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.callbackladder.contact.PatientContacts;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The signed JSON webhook for other phone systems: signature, timestamp window, replays. */
@CallbackLadderTest
class PhoneSystemWebhookTest {

  @Autowired PatientContacts contacts;
  @Autowired TestRestTemplate http;
  @Autowired CallbackSignalRepository signals;
  @Autowired TestClock clock;

  @BeforeEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void aSignedEventOpensARequestAndItsReplayIsNothingNew() {
    String body = event("pbx-" + Phones.next(), Phones.next());
    String now = String.valueOf(clock.instant().getEpochSecond());

    ResponseEntity<JsonNode> first = post(body, now, signature(now, body));
    long after = signals.count();
    ResponseEntity<JsonNode> again = post(body, now, signature(now, body));

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody().get("merged").asBoolean()).isFalse();
    assertThat(again.getBody().get("replayed").asBoolean()).isTrue();
    assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    assertThat(signals.count()).isEqualTo(after);
  }

  @Test
  void badSignaturesAndStaleTimestampsAreRefusedAndStoreNothing() {
    String body = event("pbx-bad-" + Phones.next(), Phones.next());
    String now = String.valueOf(clock.instant().getEpochSecond());
    String stale = String.valueOf(clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());
    long before = signals.count();

    List<ResponseEntity<JsonNode>> answers = List.of(
        post(body, now, "sha256=" + HmacSignature.sign("wrong-secret", now, bytes(body))),
        post(body, stale, signature(stale, body)),
        post(body.replace("MISSED_CALL", "VOICEMAIL"), now, signature(now, body)),
        post(body, null, null),
        post(body, "yesterday", signature(now, body)));

    for (ResponseEntity<JsonNode> answer : answers) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(signals.count()).isEqualTo(before);
  }

  @Test
  void aSignedButInvalidEventIsA400NamingTheField() {
    String now = String.valueOf(clock.instant().getEpochSecond());
    String noEventId = "{\"channel\": \"MISSED_CALL\", \"patient\": {\"phone\": \"" + Phones.next() + "\"}}";
    String badChannel = "{\"eventId\": \"pbx-fax-1\", \"channel\": \"FAX\", \"patient\": {\"phone\": \"" + Phones.next() + "\"}}";

    assertThat(post(noEventId, now, signature(now, noEventId)).getBody().get("errors").findValuesAsText("field"))
        .containsExactly("eventId");
    assertThat(post(badChannel, now, signature(now, badChannel)).getBody().get("errors").findValuesAsText("field"))
        .containsExactly("channel");
    assertThat(post("not json", now, signature(now, "not json")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aSignedCallFromANumberNobodyCanCallIsKeptNotRefused() {
    String now = String.valueOf(clock.instant().getEpochSecond());
    String anonymous = event("pbx-anonymous-" + Phones.next(), "anonymous");
    long signalsBefore = signals.count();

    ResponseEntity<JsonNode> answer = post(anonymous, now, signature(now, anonymous));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(answer.getBody().get("uncallable").asBoolean()).isTrue();
    assertThat(signals.count()).as("no request opened").isEqualTo(signalsBefore);
    assertThat(http.withBasicAuth("manager", "demo").getForObject("/api/uncallable-signals?size=100", JsonNode.class)
        .get("items").findValuesAsText("sentNumber")).contains("anonymous");
  }

  private static String event(String eventId, String phone) {
    return """
        {"eventId": "%s", "channel": "MISSED_CALL", "patient": {"phone": "%s"}}""".formatted(eventId, phone);
  }

  @Test
  void aStopTextThroughTheGenericWebhookRevokesAndOpensNothing() {
    String phone = Phones.next();
    String body = """
        {"eventId": "sms-%s", "channel": "TEXT_MESSAGE", "patient": {"phone": "%s"}, "message": "Stop"}""".formatted(phone, phone);
    String now = String.valueOf(clock.instant().getEpochSecond());
    long before = signals.count();

    ResponseEntity<JsonNode> answer = post(body, now, signature(now, body));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(answer.getBody().get("keyword").asBoolean()).isTrue();
    assertThat(signals.count()).isEqualTo(before);
    assertThat(contacts.find(phone).orElseThrow().getOptedOutAt()).isNotNull();
  }

  private static String signature(String timestamp, String body) {
    return "sha256=" + HmacSignature.sign(CallbackLadderTest.PHONE_SYSTEM_SECRET, timestamp, bytes(body));
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private ResponseEntity<JsonNode> post(String body, String timestamp, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (timestamp != null) {
      headers.set("X-Callback-Timestamp", timestamp);
    }
    if (signature != null) {
      headers.set("X-Callback-Signature", signature);
    }
    return http.postForEntity("/webhooks/phone-system", new HttpEntity<>(bytes(body), headers), JsonNode.class);
  }
}
