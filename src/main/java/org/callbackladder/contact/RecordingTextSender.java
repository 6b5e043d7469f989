package org.callbackladder.contact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default run's sender: keeps each text as RECORDED and sends nothing, so nothing leaves a
 * developer's machine. The API and the tables show what would have gone out, and when.
 */
public class RecordingTextSender implements TextSender {

  private static final Logger log = LoggerFactory.getLogger(RecordingTextSender.class);

  @Override
  public Sent send(OutboxMessage message) {
    log.info("Outbox message {} ({}) recorded, not sent: no text provider is configured", message.getId(), message.getKind());
    return new Sent(OutboxMessage.Status.RECORDED, null);
  }
}
