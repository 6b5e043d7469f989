package org.callbackladder.contact;

/** Where a text leaves the application: a provider's API, or nowhere in the default run. */
public interface TextSender {

  /** What became of a text: the status it now has and the provider's id for it, if any. */
  record Sent(OutboxMessage.Status status, String providerId) {}

  /**
   * Sends the text. A provider's refusal is a {@link Refused}: for good (a number that cannot take
   * texts), because the patient unsubscribed at the carrier, or for now (a rate limit, an outage).
   */
  Sent send(OutboxMessage message);

  /** The provider did not take the text. */
  final class Refused extends RuntimeException {

    /** What the refusal means for the text and the patient. */
    public enum Kind { UNSUBSCRIBED, PERMANENT, TEMPORARY }

    private final Kind kind;

    public Refused(Kind kind, String reason) {
      super(reason);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }
}
