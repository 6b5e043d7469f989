package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.intake.webhook.InboundTexts;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The relay: texts leave inside the patient's window, once, and never after consent was withdrawn. */
@CallbackLadderTest
class MessageRelayTest {

  @Autowired MessageRelay relay;
  @Autowired MessageOutbox outbox;
  @Autowired OutboxMessageRepository messages;
  @Autowired PatientContacts contacts;
  @Autowired IntakeService intake;
  @Autowired InboundTexts inbound;
  @Autowired TestClock clock;

  @AfterEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void aTextQueuedLateInTheEveningLeavesWhenThePatientsDayStartsAndOnlyOnce() {
    clock.set(Instant.parse("2026-12-02T03:00:00Z")); // Tuesday 22:00 in New York
    CallbackRequest request = consenting(Phones.next());
    OutboxMessage queued = outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    assertThat(queued.getSendAfter()).isEqualTo(Instant.parse("2026-12-02T13:00:00Z")); // Wednesday 08:00

    relay.relayDue();
    assertThat(statusOf(queued)).isEqualTo(OutboxMessage.Status.PENDING);

    clock.set(Instant.parse("2026-12-02T13:00:00Z"));
    relay.relayDue();
    relay.relayDue();
    OutboxMessage recorded = messages.findById(queued.getId()).orElseThrow();
    assertThat(recorded.getStatus()).isEqualTo(OutboxMessage.Status.RECORDED);
    assertThat(recorded.getAttempts()).isEqualTo(1);
    assertThat(recorded.getSentAt()).isEqualTo(Instant.parse("2026-12-02T13:00:00Z"));
  }

  @Test
  void consentWithdrawnThroughStaffAfterQueuingStopsTheText() {
    String phone = Phones.next();
    OutboxMessage queued = outbox.queue(consenting(phone).getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();

    contacts.update(phone, new ContactPreferences.Update(false, null, null, null, null, null, null, null, null, "phone call"));
    relay.relayDue();

    assertThat(statusOf(queued)).isEqualTo(OutboxMessage.Status.CANCELLED);
  }

  /** A relay held up (an outage, a stopped node) sends nothing outside the patient's day when it catches up. */
  @Test
  void aTextDueWhileTheRelayWasHeldUpWaitsForThePatientsMorning() {
    CallbackRequest request = consenting(Phones.next());
    OutboxMessage queued = outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow(); // Tuesday 09:00

    clock.set(Instant.parse("2026-12-02T04:30:00Z")); // the relay runs again at 23:30 in New York
    relay.relayDue();

    OutboxMessage waiting = messages.findById(queued.getId()).orElseThrow();
    assertThat(waiting.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
    assertThat(waiting.getSendAfter()).isEqualTo(Instant.parse("2026-12-02T13:00:00Z")); // Wednesday 08:00
    assertThat(waiting.getAttempts()).isZero();
  }

  @Test
  void aTextWaitsOutTheWorkHoursThePatientAskedToKeepClearAfterItWasQueued() {
    String phone = Phones.next();
    OutboxMessage queued = outbox.queue(consenting(phone).getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    contacts.update(phone, new ContactPreferences.Update(null, null, null, null, null, null, true, null, null, "phone call"));

    relay.relayDue();
    assertThat(messages.findById(queued.getId()).orElseThrow().getSendAfter())
        .isEqualTo(Instant.parse("2026-12-01T22:00:00Z")); // 17:00, when their work day ends

    clock.set(Instant.parse("2026-12-01T22:00:00Z"));
    relay.relayDue();
    assertThat(statusOf(queued)).isEqualTo(OutboxMessage.Status.RECORDED);
  }

  @Test
  void aTextQueuedForAnotherNumberStaysUnsentWhenThePatientAsksForThisNumberOnly() {
    String phone = Phones.next();
    CallbackRequest request = consenting(phone);
    contacts.update(phone, new ContactPreferences.Update(null, null, null, null, null, null, null, Phones.next(), null,
        "phone call"));
    OutboxMessage queued = outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    assertThat(queued.getRecipient()).isNotEqualTo(phone);

    contacts.update(phone, new ContactPreferences.Update(null, null, null, null, true, null, null, null, null, "phone call"));
    relay.relayDue();

    OutboxMessage cancelled = messages.findById(queued.getId()).orElseThrow();
    assertThat(cancelled.getStatus()).isEqualTo(OutboxMessage.Status.CANCELLED);
    assertThat(cancelled.getLastError()).isEqualTo("the patient changed the number for messages before it left");
  }

  @Test
  void anEmailQueuedForAnAddressThePatientReplacedStaysUnsent() {
    String phone = Phones.next();
    CallbackRequest request = intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Pat Relay", phone, "pat.old@example.org", null, null, null), null, null, null, null,
        new NewCallbackRequest.Consent(false, null, true), null)).request();
    OutboxMessage queued = outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    assertThat(queued.getChannel()).isEqualTo(OutboxMessage.EMAIL);

    contacts.update(phone, new ContactPreferences.Update(null, null, null, null, null, null, null, null, "pat.new@example.org",
        "letter"));
    relay.relayDue();

    assertThat(messages.findById(queued.getId()).orElseThrow().getLastError())
        .isEqualTo("the patient changed the address for messages before it left");
  }

  @Test
  void aKeywordAnswerLeavesAtOnceWhateverTheConsent() {
    String phone = Phones.next();
    consenting(phone);
    inbound.receive(phone, "STOP", "sms:relay");

    relay.relayDue();

    assertThat(messages.findByRecipientOrderById(phone)).singleElement().satisfies(reply -> {
      assertThat(reply.getKind()).isEqualTo(MessageKind.OPT_OUT_CONFIRMATION);
      assertThat(reply.getStatus()).isEqualTo(OutboxMessage.Status.RECORDED);
    });
  }

  private CallbackRequest consenting(String phone) {
    return intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL", new NewCallbackRequest.Patient("Pat Relay", phone),
        null, null, null, null, new NewCallbackRequest.Consent(true, null, null), null)).request();
  }

  private OutboxMessage.Status statusOf(OutboxMessage message) {
    return messages.findById(message.getId()).orElseThrow().getStatus();
  }
}
