package org.callbackladder.contact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default run's sender, for every channel without a provider: keeps each message as RECORDED and
 * sends nothing, so nothing leaves a developer's machine. The API and the tables show what would have
 * gone out, and when.
 */
public class RecordingSender implements MessageSender {

  private static final Logger log = LoggerFactory.getLogger(RecordingSender.class);

  @Override
  public Sent send(OutboxMessage message) {
    log.info("Outbox message {} ({}, {}) recorded, not sent: no provider is configured for it", message.getId(),
        message.getKind(), message.getChannel());
    return new Sent(OutboxMessage.Status.RECORDED, null);
  }

  /** Nothing left before: recording it now is harmless. */
  @Override
  public Lookup lookUp(OutboxMessage message) {
    return new Lookup.NotFound();
  }
}
