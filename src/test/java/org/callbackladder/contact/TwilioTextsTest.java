package org.callbackladder.contact;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.Map;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.callbackladder.support.TwilioCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Texts through Twilio's Messages API, against WireMock answering in Twilio's shapes: the request
 * (form fields, basic auth, status callback), a created message, and the error answers the relay
 * must understand (21610 unsubscribed, 21211 invalid number, 429 and 5xx for later); and a text
 * interrupted between Twilio's answer and the commit, which is never sent twice.
 */
@CallbackLadderTest
class TwilioTextsTest {

  static final String MESSAGES = "/2010-04-01/Accounts/AC0123/Messages.json";

  @Autowired TestRelays relays;
  @Autowired OutboxMessageRepository outbox;
  @Autowired MessageOutbox messages;
  @Autowired PatientContacts contacts;
  @Autowired IntakeService intake;
  @Autowired TestClock clock;
  @Autowired TestRestTemplate http;

  WireMockServer twilio;
  MessageRelay relay;

  @BeforeEach
  void twilio() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    twilio = new WireMockServer(wireMockConfig().dynamicPort());
    twilio.start();
    // anything else that is due in this database is taken too: Twilio accepts it
    twilio.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10)
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SMother\"}")));
    // anything else interrupted in this database: Twilio has no message for it
    twilio.stubFor(get(urlPathEqualTo(MESSAGES)).atPriority(10)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"messages\": []}")));
    relay = relays.sendingBy(OutboxMessage.SMS, twilioSender());
  }

  @AfterEach
  void stop() {
    twilio.stop();
  }

  @Test
  void aTextIsPostedInTwiliosShapeAndKeepsItsSid() {
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    twilio.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing("To=%2B" + phone.substring(1)))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"sid\": \"SM1234\", \"status\": \"queued\"}")));

    relay.relayDue();

    twilio.verify(postRequestedFor(urlEqualTo(MESSAGES))
        .withBasicAuth(new BasicCredentials("AC0123", "twilio-token"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(containing("To=%2B" + phone.substring(1)))
        .withRequestBody(containing("From=%2B14155550100"))
        .withRequestBody(containing("Body=Riverside+Family+Practice"))
        .withRequestBody(containing("StatusCallback=https%3A%2F%2Fcallbacks.example.org%2Fwebhooks%2Ftwilio%2Fsms%2Fstatus")));
    OutboxMessage sent = outbox.findById(queued.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(sent.getProviderId()).isEqualTo("SM1234");

    // Twilio's status callback, signed like its other webhooks
    Map<String, String> receipt = Map.of("MessageSid", "SM1234", "MessageStatus", "delivered", "AccountSid", "AC0123");
    Map<String, String> forged = Map.of("MessageSid", "SM1234", "MessageStatus", "failed", "AccountSid", "AC0123");
    assertThat(statusCallback(receipt, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(statusCallback(forged, false).getStatusCode().is4xxClientError()).isTrue();
    assertThat(outbox.findById(queued.getId()).orElseThrow().getDeliveryStatus()).isEqualTo("delivered");
  }

  private ResponseEntity<String> statusCallback(Map<String, String> params, boolean signed) {
    return statusCallback("", params, signed);
  }

  private ResponseEntity<String> statusCallback(String query, Map<String, String> params, boolean signed) {
    String path = "/webhooks/twilio/sms/status" + query;
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-Twilio-Signature", signed
        ? TwilioCalls.sign(CallbackLadderTest.TWILIO_AUTH_TOKEN, CallbackLadderTest.PUBLIC_BASE_URL + path, params) : "forged");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    params.forEach(form::add);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  @Test
  void unsubscribedAtTheCarrierRevokesTheNumbersConsent() {
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    refuse(phone, 400, 21610);

    relay.relayDue();

    assertThat(outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.CANCELLED);
    assertThat(contacts.find(phone).orElseThrow().textsAllowed()).isFalse();
    assertThat(contacts.find(phone).orElseThrow().getTextConsentSource()).isEqualTo("provider: Twilio 400 error 21610");
  }

  @Test
  void anInvalidNumberFailsForGoodAndAnOutageIsTriedAgainLater() {
    String invalid = Phones.next();
    OutboxMessage wrong = queueFor(invalid);
    refuse(invalid, 400, 21211);
    String later = Phones.next();
    OutboxMessage busy = queueFor(later);
    // a gateway's error page, not Twilio's JSON: an outage all the same
    twilio.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing("To=%2B" + later.substring(1)))
        .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody("<html>503</html>")));

    relay.relayDue();

    assertThat(outbox.findById(wrong.getId()).orElseThrow()).satisfies(m -> {
      assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
      assertThat(m.getLastError()).isEqualTo("Twilio 400 error 21211");
    });
    OutboxMessage waiting = outbox.findById(busy.getId()).orElseThrow();
    assertThat(waiting.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
    assertThat(waiting.getSendAfter()).as("tried again after a minute").isEqualTo(CallbackLadderTest.TUESDAY_9AM.plusSeconds(60));

    twilio.resetMappings();
    twilio.stubFor(post(urlEqualTo(MESSAGES))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SM77\"}")));
    clock.set(CallbackLadderTest.TUESDAY_9AM.plusSeconds(60));
    relay.relayDue();
    assertThat(outbox.findById(busy.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.SENT);
    // tried twice: refused once for now, then taken
    twilio.verify(2, postsTo(later));
  }

  /**
   * The application stops after Twilio took the text and before the answer was committed: the row
   * stays SENDING. After the lease the relay finds the text among the number's messages at Twilio and
   * records it as sent, without a second POST; a receipt carrying the row's token would do the same.
   */
  @Test
  void aTextInterruptedAfterTwilioTookItIsFoundThereAndNotSentAgain() {
    relay.relayDue(); // whatever else is due in this database leaves first: the interruption is this text's
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    accepts(phone, "SMlost");
    interruptWhileSending(true);
    OutboxMessage interrupted = outbox.findById(queued.getId()).orElseThrow();
    assertThat(interrupted.getStatus()).isEqualTo(OutboxMessage.Status.SENDING);
    assertThat(interrupted.getSendToken()).isNotBlank();
    twilio.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("outbox%3D" + interrupted.getSendToken())));

    relay.relayDue();
    assertThat(outbox.findById(queued.getId()).orElseThrow().getStatus()).as("inside the lease: left alone")
        .isEqualTo(OutboxMessage.Status.SENDING);

    // Twilio lists the number's latest messages, newest first, in its own date format
    lists(phone, """
            {"messages": [
              {"sid": "SMolder", "to": "%1$s", "body": "%2$s", "date_created": "Mon, 30 Nov 2026 14:00:00 +0000"},
              {"sid": "SMlost", "to": "%1$s", "body": "%2$s", "date_created": "Tue, 01 Dec 2026 14:00:01 +0000"}
            ], "page": 0}""".formatted(phone, interrupted.getBody()));
    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE));
    relay.relayDue();

    OutboxMessage settled = outbox.findById(queued.getId()).orElseThrow();
    assertThat(settled.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(settled.getProviderId()).isEqualTo("SMlost");
    twilio.verify(1, postsTo(phone));
  }

  @Test
  void aTextInterruptedBeforeTwilioTookItIsSentOnceAfterTheLookup() {
    relay.relayDue(); // whatever else is due in this database leaves first: the interruption is this text's
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    interruptWhileSending(false);
    lists(phone, "{\"messages\": []}");

    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE));
    relay.relayDue();

    assertThat(outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.SENT);
    twilio.verify(1, postsTo(phone));
  }

  @Test
  void anInterruptedTextTwilioCannotBeAskedAboutFailsForAPersonAfterAnHourNeverSentBlind() {
    relay.relayDue(); // whatever else is due in this database leaves first: the interruption is this text's
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    interruptWhileSending(false);
    twilio.stubFor(get(urlPathEqualTo(MESSAGES)).atPriority(1).withQueryParam("To", equalTo(phone))
        .willReturn(aResponse().withStatus(503)));

    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE));
    relay.relayDue();
    OutboxMessage held = outbox.findById(queued.getId()).orElseThrow();
    assertThat(held.getStatus()).isEqualTo(OutboxMessage.Status.SENDING);
    assertThat(held.getLastError()).startsWith("interrupted while sending; the provider could not be asked yet");

    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LOOKUP_LIMIT).plus(MessageRelay.LEASE));
    relay.relayDue();
    OutboxMessage failed = outbox.findById(queued.getId()).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
    assertThat(failed.getLastError()).endsWith("check before retrying");
    twilio.verify(0, postsTo(phone));
  }

  @Test
  void aReceiptCarryingTheRowsTokenSettlesAnInterruptedText() {
    relay.relayDue(); // whatever else is due in this database leaves first: the interruption is this text's
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    accepts(phone, "SMreceipt");
    interruptWhileSending(true);
    String token = outbox.findById(queued.getId()).orElseThrow().getSendToken();

    Map<String, String> receipt = Map.of("MessageSid", "SMreceipt", "MessageStatus", "sent", "AccountSid", "AC0123");
    assertThat(statusCallback("?outbox=" + token, receipt, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    OutboxMessage settled = outbox.findById(queued.getId()).orElseThrow();
    assertThat(settled.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(settled.getProviderId()).isEqualTo("SMreceipt");
    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE));
    relay.relayDue();
    twilio.verify(1, postsTo(phone));
  }

  @Test
  void anAnswerTwilioDidNotGiveIsLookedUpNotSimplySentAgain() {
    relay.relayDue(); // whatever else is due in this database leaves first
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    // an answer the relay cannot read: Twilio may well have the text
    twilio.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing("To=%2B" + phone.substring(1)))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "text/html").withBody("<html>gateway</html>")));

    relay.relayDue();
    OutboxMessage unanswered = outbox.findById(queued.getId()).orElseThrow();
    assertThat(unanswered.getStatus()).isEqualTo(OutboxMessage.Status.SENDING);
    assertThat(unanswered.getLastError()).startsWith("no answer from Twilio");

    lists(phone, """
            {"messages": [{"sid": "SMtaken", "to": "%s", "body": "%s", "date_created": "Tue, 01 Dec 2026 14:00:00 +0000"}]}"""
            .formatted(phone, unanswered.getBody()));
    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE));
    relay.relayDue();

    assertThat(outbox.findById(queued.getId()).orElseThrow().getProviderId()).isEqualTo("SMtaken");
    twilio.verify(1, postsTo(phone));
  }

  @Test
  void aProviderThatNeverAnswersIsTriedFiveTimesThenFailsForAPerson() {
    relay.relayDue(); // whatever else is due in this database leaves first
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    twilio.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing("To=%2B" + phone.substring(1)))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "text/html").withBody("<html>gateway</html>")));
    lists(phone, "{\"messages\": []}");

    for (int round = 0; round <= MessageRelay.MAX_ATTEMPTS; round++) {
      clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE.multipliedBy(round)));
      relay.relayDue();
    }

    OutboxMessage failed = outbox.findById(queued.getId()).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
    assertThat(failed.getLastError()).isEqualTo("no answer from the provider in 5 tries, and not found there");
    twilio.verify(MessageRelay.MAX_ATTEMPTS, postsTo(phone));
  }

  @Test
  void aTextListedWithTwiliosSmartEncodingIsStillRecognised() {
    assertThat(TwilioTextSender.sameWords("Riverside\u2019s team \u2013 call us\u2026", "Riverside's team - call us...")).isTrue();
    assertThat(TwilioTextSender.sameWords("Call us back", "Call us back later")).isFalse();
  }

  /** The application stops around Twilio's answer ({@code afterSending}: after Twilio took the text) while relaying. */
  private void interruptWhileSending(boolean afterSending) {
    assertThatThrownBy(relays.sendingBy(OutboxMessage.SMS, new Interrupting(twilioSender(), afterSending))::relayDue)
        .hasMessageContaining("stopped");
  }

  /** A sender whose application stops around the provider's call: after it ({@code afterSending}) or before. */
  record Interrupting(MessageSender real, boolean afterSending) implements MessageSender {

    @Override
    public Sent send(OutboxMessage message) {
      if (afterSending) {
        real.send(message);
      }
      throw new IllegalStateException("the application stopped here");
    }

    @Override
    public Lookup lookUp(OutboxMessage message) {
      return real.lookUp(message);
    }
  }

  private TwilioTextSender twilioSender() {
    return new TwilioTextSender(twilio.baseUrl(), "AC0123", "twilio-token", "+14155550100",
        "https://callbacks.example.org/webhooks/twilio/sms/status");
  }


  /** Twilio takes the number's text and answers with its SID. */
  private void accepts(String phone, String sid) {
    twilio.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing("To=%2B" + phone.substring(1)))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"sid\": \"" + sid + "\"}")));
  }

  /** Twilio's list of the number's latest messages (its Messages resource filtered by To). */
  private void lists(String phone, String page) {
    twilio.stubFor(get(urlPathEqualTo(MESSAGES)).atPriority(1).withQueryParam("To", equalTo(phone))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(page)));
  }

  private static RequestPatternBuilder postsTo(String phone) {
    return postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("To=%2B" + phone.substring(1)));
  }

  private void refuse(String phone, int status, int code) {
    twilio.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing("To=%2B" + phone.substring(1)))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
            .withBody("{\"code\": " + code + ", \"message\": \"refused\", \"status\": " + status + "}")));
  }

  private OutboxMessage queueFor(String phone) {
    CallbackRequest request = intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Pat Twilio", phone), null, null, null, null,
        new NewCallbackRequest.Consent(true, null, null), null)).request();
    return messages.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
  }
}
