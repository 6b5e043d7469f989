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

  /** Texts not sent yet to a number, or about it (when they go to another number the patient gave). */
  @Query("select m from OutboxMessage m where m.channel = 'SMS' and (m.recipient = ?1 or m.patientPhone = ?1)"
      + " and m.status = org.callbackladder.contact.OutboxMessage.Status.PENDING")
  List<OutboxMessage> findPendingTextsFor(String phone);

  /** The ladder's messages about a patient number since a time, by any channel and request, cancelled ones aside. */
  @Query("select count(m) from OutboxMessage m where m.patientPhone = ?1 and m.createdAt > ?2"
      + " and m.status <> org.callbackladder.contact.OutboxMessage.Status.CANCELLED"
      + " and m.kind in (org.callbackladder.contact.MessageKind.FOLLOW_UP, org.callbackladder.contact.MessageKind.FINAL)")
  long countLadderMessagesAbout(String patientPhone, Instant since);

  /** The ladder's messages about a patient number that left since a time, one message aside. */
  @Query("select count(m) from OutboxMessage m where m.patientPhone = ?1 and m.id <> ?2 and m.sentAt > ?3"
      + " and m.kind in (org.callbackladder.contact.MessageKind.FOLLOW_UP, org.callbackladder.contact.MessageKind.FINAL)")
  long countLadderMessagesLeft(String patientPhone, long except, Instant since);

  List<OutboxMessage> findByStatusOrderById(OutboxMessage.Status status);

  long countByStatus(OutboxMessage.Status status);

  Optional<OutboxMessage> findBySendToken(String sendToken);
}
