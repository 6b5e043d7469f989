package org.callbackladder.contact;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Relays for tests of one channel's sender: the application's own relay parts, with the given sender
 * for that channel and every other channel only recorded (a test's relay takes whatever else is due in
 * the shared database too).
 */
@Component
public class TestRelays {

  private final JdbcTemplate jdbc;
  private final OutboxMessageRepository outbox;
  private final ContactPolicy policy;
  private final PatientContacts contacts;
  private final PlatformTransactionManager transactions;
  private final Clock clock;

  TestRelays(JdbcTemplate jdbc, OutboxMessageRepository outbox, ContactPolicy policy, PatientContacts contacts,
      PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.policy = policy;
    this.contacts = contacts;
    this.transactions = transactions;
    this.clock = clock;
  }

  public MessageRelay sendingBy(String channel, MessageSender sender) {
    Map<String, MessageSender> senders = new HashMap<>();
    for (String each : List.of(OutboxMessage.SMS, OutboxMessage.EMAIL, OutboxMessage.PORTAL)) {
      senders.put(each, new RecordingSender());
    }
    senders.put(channel, sender);
    return new MessageRelay(jdbc, outbox, policy, contacts, new MessageSenders(senders), transactions, true, clock);
  }
}
