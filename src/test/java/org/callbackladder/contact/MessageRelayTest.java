package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

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

  /** A message held back (a failure retried days later) is counted against the caps when it is due, not when it was queued. */
  @Test
  void aMessageDueAfterAnotherLeftThatDayIsCancelledByTheCaps() {
    String phone = Phones.next();
    CallbackRequest request = consenting(phone);
    OutboxMessage held = outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    jdbc.update("update outbox_message set created_at = ? where id = ?",
        Timestamp.from(clock.instant().minus(Duration.ofDays(3))), held.getId());
    jdbc.update("insert into outbox_message (callback_request_id, kind, attempt_number, channel, patient_phone, recipient,"
        + " body, status, created_at, sent_at) values (?, 'FOLLOW_UP', 2, 'SMS', ?, ?, 'text', 'SENT', ?, ?)",
        request.getId(), phone, phone, Timestamp.from(clock.instant().minus(Duration.ofHours(2))),
        Timestamp.from(clock.instant().minus(Duration.ofHours(2))));

    relay.relayDue();

    OutboxMessage cancelled = messages.findById(held.getId()).orElseThrow();
    assertThat(cancelled.getStatus()).isEqualTo(OutboxMessage.Status.CANCELLED);
    assertThat(cancelled.getLastError()).isEqualTo("reached before it could leave: 1 in the last 24 hours (at most 1)");
  }

  @Test
  void aReplyWrittenBeforeALaterStopDoesNotLeave() {
    String phone = Phones.next();
    consenting(phone);
    inbound.receive(phone, "STOP", "sms:relay-1");
    inbound.receive(phone, "START", "sms:relay-2");
    relay.relayDue();
    inbound.receive(phone, "HELP", "sms:relay-3");
    clock.advance(Duration.ofMinutes(1));
    inbound.receive(phone, "STOP", "sms:relay-4");

    relay.relayDue();

    assertThat(messages.findByRecipientOrderById(phone)).extracting(OutboxMessage::getKind, OutboxMessage::getStatus)
        .containsExactly(
            tuple(MessageKind.OPT_OUT_CONFIRMATION, OutboxMessage.Status.RECORDED),
            tuple(MessageKind.OPT_IN_CONFIRMATION, OutboxMessage.Status.RECORDED),
            tuple(MessageKind.HELP_REPLY, OutboxMessage.Status.CANCELLED),
            tuple(MessageKind.OPT_OUT_CONFIRMATION, OutboxMessage.Status.RECORDED));
  }

  /** While a STOP (or staff) holds the number's record, the relay leaves its messages for the next round. */
  @Test
  void aNumberWhoseConsentIsBeingChangedIsLeftForTheNextRound() throws Exception {
    String phone = Phones.next();
    OutboxMessage queued = outbox.queue(consenting(phone).getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread stop = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      jdbc.queryForList("select phone from patient_contact where phone = ? for update", phone);
      locked.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    stop.start();
    locked.await();

    relay.relayDue();
    assertThat(statusOf(queued)).isEqualTo(OutboxMessage.Status.PENDING);

    release.countDown();
    stop.join();
    relay.relayDue();
    assertThat(statusOf(queued)).isEqualTo(OutboxMessage.Status.RECORDED);
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
