package org.callbackladder.contact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callbackladder.contact.MessageSender.Lookup;
import org.callbackladder.contact.MessageSender.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes due messages out of the outbox, one at a time, and sends each at most once.
 *
 * <ol>
 *   <li>A row is claimed with {@code FOR UPDATE SKIP LOCKED}, so two application nodes on one database
 *       never take the same one; a ladder message is checked against the patient's consent once more
 *       (and a text against the patient's window: one due while the relay was held up overnight waits
 *       for the morning), and the row is marked SENDING and committed before the provider is called.
 *   <li>The provider's answer is recorded in a transaction of its own: sent, refused for good, or to be
 *       tried again later with backoff.
 *   <li>A row still SENDING after {@link #LEASE} was interrupted (the application stopped between the
 *       call and recording its answer, or the provider did not answer). The provider is asked about it
 *       first (Twilio: the number's latest messages; the portal: the same idempotency key): a message
 *       that left is recorded as sent, one that did not is sent, and one the provider cannot tell
 *       about (email) fails for a person to check instead of going out twice.
 * </ol>
 */
@Component
public class MessageRelay {

  private static final Logger log = LoggerFactory.getLogger(MessageRelay.class);
  /** A provider's refusal for now (rate limit, outage) is tried again after 1, 2, 4... minutes, five times in all. */
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final int MAX_ATTEMPTS = 5;
  /** A row SENDING this long was interrupted: far longer than a provider takes to answer (senders time out before). */
  static final Duration LEASE = Duration.ofMinutes(5);
  /** How long an interrupted row is looked up again while the provider cannot be asked, before a person must check it. */
  static final Duration LOOKUP_LIMIT = Duration.ofHours(1);

  private static final String DUE = "select id from outbox_message"
      + " where (status = 'PENDING' or (status = 'SENDING' and claimed_at <= ?)) and (send_after is null or send_after <= ?)"
      + " order by id fetch first 1 rows only for update skip locked";
  /**
   * The number's consent record, locked for the claim: a STOP (which locks it too) waits until the row
   * is SENDING or cancels it before the claim reads the consent. Skipped while someone else holds it.
   */
  private static final String NUMBER = "select phone from patient_contact where phone = ? for update skip locked";
  private static final String KNOWN = "select count(*) from patient_contact where phone = ?";

  private final JdbcTemplate jdbc;
  private final OutboxMessageRepository outbox;
  private final ContactPolicy policy;
  private final PatientContacts contacts;
  private final MessageSenders senders;
  private final TransactionTemplate transaction;
  private final boolean enabled;
  private final Clock clock;

  public MessageRelay(
      JdbcTemplate jdbc,
      OutboxMessageRepository outbox,
      ContactPolicy policy,
      PatientContacts contacts,
      MessageSenders senders,
      PlatformTransactionManager transactionManager,
      @Value("${callback.contact.relay.enabled}") boolean enabled,
      Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.policy = policy;
    this.contacts = contacts;
    this.senders = senders;
    this.transaction = new TransactionTemplate(transactionManager);
    this.enabled = enabled;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${callback.contact.relay.interval}", initialDelayString = "${callback.contact.relay.interval}")
  void onSchedule() {
    if (enabled) {
      relayDue();
    }
  }

  /** Relays every message due now; returns how many rows it took. */
  public int relayDue() {
    int taken = 0;
    for (Claimed claimed; (claimed = transaction.execute(status -> claimOne())) != null; taken++) {
      if (claimed.send()) {
        send(claimed.id());
      }
    }
    return taken;
  }

  /** A row taken from the outbox, and whether it is to be sent now (or was settled while claiming it). */
  private record Claimed(long id, boolean send) {}

  private Claimed claimOne() {
    Instant now = clock.instant();
    List<Long> due = jdbc.queryForList(DUE, Long.class, Timestamp.from(now.minus(LEASE)), Timestamp.from(now));
    if (due.isEmpty()) {
      return null;
    }
    OutboxMessage message = outbox.findById(due.get(0)).orElseThrow();
    if (jdbc.queryForList(NUMBER, String.class, message.getPatientPhone()).isEmpty()
        && jdbc.queryForObject(KNOWN, Integer.class, message.getPatientPhone()) > 0) {
      // the number's consent is being changed this moment: this row waits for the relay's next round
      return null;
    }
    if (message.getStatus() == OutboxMessage.Status.SENDING && !settleInterrupted(message, now)) {
      return new Claimed(message.getId(), false);
    }
    ContactPolicy.Recheck recheck = policy.recheck(message);
    if (recheck.cancelled() != null) {
      message.cancel(recheck.cancelled());
      return new Claimed(message.getId(), false);
    }
    if (recheck.waitUntil() != null) {
      message.postpone(recheck.waitUntil());
      return new Claimed(message.getId(), false);
    }
    message.claim(now);
    return new Claimed(message.getId(), true);
  }

  /**
   * Asks the provider about a row left SENDING, holding the row's lock: true when it is to be sent
   * (again), false when its fate is settled here or the provider could not be asked yet.
   */
  private boolean settleInterrupted(OutboxMessage message, Instant now) {
    Lookup found;
    try {
      found = senders.forChannel(message.getChannel()).lookUp(message);
    } catch (Refused unreachable) {
      boolean giveUp = !Duration.between(message.getClaimedAt(), now).minus(LOOKUP_LIMIT).isNegative();
      message.providerNotAsked(unreachable.getMessage(), giveUp ? null : now.plus(LEASE));
      log.warn("Outbox message {} was interrupted while sending; the provider could not be asked: {} ({})", message.getId(),
          unreachable.getMessage(), giveUp ? "failed, for operations to check" : "asked again later");
      return false;
    }
    if (found instanceof Lookup.Found sent) {
      message.left(sent.sent().status(), sent.sent().providerId(), now);
      log.info("Outbox message {} was interrupted while sending; the provider has it, recorded as sent", message.getId());
      return false;
    }
    if (found instanceof Lookup.Unknown) {
      message.interrupted();
      log.warn("Outbox message {} was interrupted while sending and the provider cannot tell whether it left: failed,"
          + " for operations to check", message.getId());
      return false;
    }
    if (message.getAttempts() >= MAX_ATTEMPTS) {
      // not at the provider after as many tries without an answer: a person looks at the provider's side
      message.refused("no answer from the provider in " + message.getAttempts() + " tries, and not found there", null,
          MAX_ATTEMPTS);
      return false;
    }
    return true;
  }

  private void send(long id) {
    OutboxMessage message = outbox.findById(id).orElseThrow();
    MessageSender sender = senders.forChannel(message.getChannel());
    try {
      MessageSender.Sent sent = sender.send(message);
      transaction.executeWithoutResult(status -> stillSending(id)
          .ifPresent(current -> current.left(sent.status(), sent.providerId(), clock.instant())));
    } catch (Refused refused) {
      transaction.executeWithoutResult(status -> stillSending(id).ifPresent(current -> refused(current, refused)));
      log.warn("Outbox message {} refused by the provider: {}", id, refused.getMessage());
    }
  }

  /** The row, if it is still this relay's to settle: after a lease ran out another node may have settled it. */
  private Optional<OutboxMessage> stillSending(long id) {
    return outbox.findById(id).filter(message -> message.getStatus() == OutboxMessage.Status.SENDING);
  }

  private void refused(OutboxMessage message, Refused refused) {
    switch (refused.kind()) {
      case UNSUBSCRIBED -> {
        contacts.revokedAtTheCarrier(message.getRecipient(), refused.getMessage());
        message.cancel(refused.getMessage());
      }
      case PERMANENT -> message.refused(refused.getMessage(), null, MAX_ATTEMPTS);
      case TEMPORARY -> message.refused(refused.getMessage(),
          clock.instant().plus(FIRST_RETRY.multipliedBy(1L << (message.getAttempts() - 1))), MAX_ATTEMPTS);
      // stays SENDING: after the lease the provider is asked before anything is sent again
      case UNANSWERED -> message.unanswered(refused.getMessage());
    }
  }
}
