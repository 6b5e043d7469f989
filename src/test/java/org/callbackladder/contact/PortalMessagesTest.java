package org.callbackladder.contact;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.callbackladder.web.HmacSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Messages through the practice's patient portal for a patient who wrote through it and agreed to
 * nothing else: a signed JSON post with the row's token as Idempotency-Key, an outage tried again
 * later, a refusal for good, and a message interrupted while sending, sent again with the same key.
 */
@CallbackLadderTest
class PortalMessagesTest {

  static final String SECRET = "portal-secret-of-at-least-thirty-two-chars";

  @Autowired TestRelays relays;
  @Autowired OutboxMessageRepository outbox;
  @Autowired MessageOutbox messages;
  @Autowired IntakeService intake;
  @Autowired TestClock clock;

  WireMockServer portal;
  MessageRelay relay;

  @BeforeEach
  void portal() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    portal = new WireMockServer(wireMockConfig().dynamicPort());
    portal.start();
    portal.stubFor(post(urlEqualTo("/messages")).atPriority(10).willReturn(aResponse().withStatus(202)));
    relay = relays.sendingBy(OutboxMessage.PORTAL, sender());
    relay.relayDue(); // whatever else is due in this database leaves first
    portal.resetRequests();
  }

  @AfterEach
  void stop() {
    portal.stop();
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void aPatientWhoWroteThroughThePortalGetsTheFollowUpThereSigned() {
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    assertThat(queued.getChannel()).isEqualTo(OutboxMessage.PORTAL);
    portal.stubFor(post(urlEqualTo("/messages")).atPriority(1)
        .withRequestBody(matchingJsonPath("$.patientPhone", equalTo(phone)))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\": \"portal-77\"}")));

    relay.relayDue();

    LoggedRequest posted = onlyPostFor(phone);
    String timestamp = posted.getHeader(HmacSignature.TIMESTAMP_HEADER);
    assertThat(timestamp).isEqualTo(Long.toString(CallbackLadderTest.TUESDAY_9AM.getEpochSecond()));
    assertThat(posted.getHeader(HmacSignature.SIGNATURE_HEADER))
        .isEqualTo("sha256=" + HmacSignature.sign(SECRET, timestamp, posted.getBody()));
    assertThat(posted.getHeader(PortalSender.IDEMPOTENCY_HEADER)).isEqualTo(queued.getSendToken());
    assertThat(posted.getBodyAsString()).contains("\"kind\":\"FOLLOW_UP\"", "\"subject\":\"A message from Riverside Family Practice\"",
        queued.getCallbackRequestId().toString()).doesNotContain("Pat Portal");
    OutboxMessage sent = outbox.findById(queued.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(sent.getProviderId()).isEqualTo("portal-77");
  }

  @Test
  void anOutageIsTriedAgainAndARefusalFailsForGood() {
    String busy = Phones.next();
    OutboxMessage later = queueFor(busy);
    String refused = Phones.next();
    OutboxMessage wrong = queueFor(refused);
    portal.stubFor(post(urlEqualTo("/messages")).atPriority(1).withRequestBody(matchingJsonPath("$.patientPhone", equalTo(busy)))
        .willReturn(aResponse().withStatus(503)));
    portal.stubFor(post(urlEqualTo("/messages")).atPriority(1).withRequestBody(matchingJsonPath("$.patientPhone", equalTo(refused)))
        .willReturn(aResponse().withStatus(422)));

    relay.relayDue();

    assertThat(outbox.findById(later.getId()).orElseThrow()).satisfies(m -> {
      assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
      assertThat(m.getLastError()).isEqualTo("portal answered 503");
    });
    assertThat(outbox.findById(wrong.getId()).orElseThrow()).satisfies(m -> {
      assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
      assertThat(m.getLastError()).isEqualTo("portal answered 422");
    });
  }

  @Test
  void aMessageInterruptedWhileSendingGoesAgainWithTheSameKey() {
    String phone = Phones.next();
    OutboxMessage queued = queueFor(phone);
    MessageSender sender = sender();
    MessageSender stopsAfterPosting = new MessageSender() {
      @Override
      public Sent send(OutboxMessage message) {
        sender.send(message);
        throw new IllegalStateException("the application stopped here");
      }
    };
    assertThatThrownBy(relays.sendingBy(OutboxMessage.PORTAL, stopsAfterPosting)::relayDue).hasMessageContaining("stopped");

    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE));
    relay.relayDue();

    List<LoggedRequest> posts = portal.findAll(postRequestedFor(urlEqualTo("/messages"))
        .withRequestBody(matchingJsonPath("$.patientPhone", equalTo(phone))));
    assertThat(posts).hasSize(2).allSatisfy(post ->
        assertThat(post.getHeader(PortalSender.IDEMPOTENCY_HEADER)).isEqualTo(queued.getSendToken()));
    assertThat(outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.SENT);
  }

  private LoggedRequest onlyPostFor(String phone) {
    List<LoggedRequest> posts = portal.findAll(postRequestedFor(urlEqualTo("/messages"))
        .withRequestBody(matchingJsonPath("$.patientPhone", equalTo(phone))));
    assertThat(posts).hasSize(1);
    return posts.get(0);
  }

  private PortalSender sender() {
    return new PortalSender(portal.baseUrl() + "/messages", SECRET, clock);
  }

  private OutboxMessage queueFor(String phone) {
    CallbackRequest request = intake.receive(new NewCallbackRequest("PORTAL_MESSAGE", "GENERAL",
        new NewCallbackRequest.Patient("Pat Portal", phone), null, null, null, null, null, null)).request();
    return messages.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
  }

}
