package org.callbackladder.contact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes due texts out of the outbox, one at a time, each in a transaction of its own. A row is
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so two application nodes on one database never take
 * the same one. A ladder text is checked against the number's consent once more just before it
 * leaves: a consent withdrawn by staff after it was queued stops it too.
 */
@Component
public class MessageRelay {

  private static final Logger log = LoggerFactory.getLogger(MessageRelay.class);
  /** A provider's refusal for now (rate limit, outage) is tried again after 1, 2, 4... minutes, five times in all. */
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final int MAX_ATTEMPTS = 5;

  private static final String DUE = "select id from outbox_message where status = 'PENDING'"
      + " and (send_after is null or send_after <= ?) order by id fetch first 1 rows only for update skip locked";

  private final JdbcTemplate jdbc;
  private final OutboxMessageRepository outbox;
  private final PatientContacts contacts;
  private final TextSender sender;
  private final TransactionTemplate transaction;
  private final boolean enabled;
  private final Clock clock;

  public MessageRelay(
      JdbcTemplate jdbc,
      OutboxMessageRepository outbox,
      PatientContacts contacts,
      TextSender sender,
      PlatformTransactionManager transactionManager,
      @Value("${callback.contact.relay.enabled}") boolean enabled,
      Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.contacts = contacts;
    this.sender = sender;
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

  /** Relays every text due now; returns how many it took. */
  public int relayDue() {
    int taken = 0;
    while (Boolean.TRUE.equals(transaction.execute(status -> relayOne()))) {
      taken++;
    }
    return taken;
  }

  private boolean relayOne() {
    List<Long> due = jdbc.queryForList(DUE, Long.class, Timestamp.from(clock.instant()));
    if (due.isEmpty()) {
      return false;
    }
    OutboxMessage message = outbox.findById(due.get(0)).orElseThrow();
    boolean consentGone = message.isLadderText()
        && !contacts.find(message.getRecipient()).map(PatientContact::textsAllowed).orElse(false);
    if (consentGone) {
      message.cancel();
      return true;
    }
    try {
      TextSender.Sent sent = sender.send(message);
      message.left(sent.status(), sent.providerId(), clock.instant());
    } catch (TextSender.Refused refused) {
      switch (refused.kind()) {
        case UNSUBSCRIBED -> {
          contacts.revokedAtTheCarrier(message.getRecipient(), refused.getMessage());
          message.cancel(refused.getMessage());
        }
        case PERMANENT -> message.refused(refused.getMessage(), null, MAX_ATTEMPTS);
        case TEMPORARY -> message.refused(refused.getMessage(),
            clock.instant().plus(FIRST_RETRY.multipliedBy(1L << Math.min(message.getAttempts(), 6))), MAX_ATTEMPTS);
      }
      log.warn("Outbox message {} refused by the provider: {}", message.getId(), refused.getMessage());
    }
    return true;
  }
}
