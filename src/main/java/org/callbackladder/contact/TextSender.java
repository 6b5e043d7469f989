package org.callbackladder.contact;

/** Where a text leaves the application: a provider's API, or nowhere in the default run. */
public interface TextSender {

  /** What became of a text: the status it now has and the provider's id for it, if any. */
  record Sent(OutboxMessage.Status status, String providerId) {}

  Sent send(OutboxMessage message);
}
