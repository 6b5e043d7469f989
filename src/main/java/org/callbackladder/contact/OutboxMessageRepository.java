package org.callbackladder.contact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxMessageRepository extends JpaRepository<OutboxMessage, Long> {

  List<OutboxMessage> findByCallbackRequestIdOrderById(UUID callbackRequestId);

  List<OutboxMessage> findByRecipientOrderById(String recipient);

  Optional<OutboxMessage> findByProviderId(String providerId);

  boolean existsByRecipientAndKindAndCreatedAtAfter(String recipient, MessageKind kind, Instant since);

  List<OutboxMessage> findByRecipientAndChannelAndStatus(String recipient, String channel, OutboxMessage.Status status);

  /** The ladder's texts to a number since a time, whatever request they belong to, cancelled ones aside. */
  @Query("select count(m) from OutboxMessage m where m.recipient = ?1 and m.channel = 'SMS' and m.createdAt > ?2"
      + " and m.status <> org.callbackladder.contact.OutboxMessage.Status.CANCELLED"
      + " and m.kind in (org.callbackladder.contact.MessageKind.FOLLOW_UP, org.callbackladder.contact.MessageKind.FINAL)")
  long countLadderTextsTo(String recipient, Instant since);
}
