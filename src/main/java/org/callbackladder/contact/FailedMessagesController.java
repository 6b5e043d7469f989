package org.callbackladder.contact;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.InvalidInputException;
import org.callbackladder.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/messages/failed} and {@code POST /api/messages/{id}/retry}: the messages that could
 * not leave (refused for good, refused too often, or interrupted where the provider cannot tell), for
 * operations and practice managers (SecurityConfiguration). Each shows why, never to whom or what it
 * says. A retry after the cause is fixed sends it once, with the patient's consent, the
 * caps and the calling window checked again.
 * The metric {@code callback.outbox.failed} counts them for alerting.
 */
@Tag(name = "Messages", description = "Messages that could not leave, for operations")
@RestController
@RequestMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
public class FailedMessagesController {

  /** A failed message as operations see it. */
  public record FailedMessage(
      Long id, UUID callbackRequestId, String kind, String channel, int attempts, String lastError, Instant createdAt,
      Instant lastTriedAt) {

    static FailedMessage of(OutboxMessage message) {
      return new FailedMessage(message.getId(), message.getCallbackRequestId(), message.getKind().name(), message.getChannel(),
          message.getAttempts(), message.getLastError(), message.getCreatedAt(), message.getClaimedAt());
    }
  }

  private final OutboxMessageRepository outbox;
  private final AuditLog audit;
  private final Clock clock;

  public FailedMessagesController(OutboxMessageRepository outbox, AuditLog audit, Clock clock) {
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/failed")
  @Transactional(readOnly = true)
  public List<FailedMessage> failed() {
    return outbox.findByStatusOrderById(OutboxMessage.Status.FAILED).stream().map(FailedMessage::of).toList();
  }

  /**
   * Sends a failed message again: due now, with its tries afresh. A message already waiting to leave
   * stays as it is (a second click changes nothing); one sent, recorded or cancelled is refused (400).
   */
  @PostMapping("/{id}/retry")
  @Transactional
  public FailedMessage retry(@PathVariable long id) {
    OutboxMessage message = outbox.findById(id).orElseThrow(() -> new NotFoundException("No message " + id));
    if (message.getStatus() == OutboxMessage.Status.PENDING) {
      return FailedMessage.of(message);
    }
    if (message.getStatus() != OutboxMessage.Status.FAILED) {
      throw new InvalidInputException(List.of(new FieldProblem("id", "failed-only",
          "is " + message.getStatus() + ": only a failed message is sent again")));
    }
    message.retry(audit.actor(), clock.instant());
    audit.record(AuditLog.Action.MESSAGE_RETRIED, message.getCallbackRequestId(), "message " + id + " (" + message.getKind() + ")");
    return FailedMessage.of(message);
  }
}
