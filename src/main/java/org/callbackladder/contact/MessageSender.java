package org.callbackladder.contact;

/** Where messages of one channel leave the application: a provider's API, a mail server, or nowhere in the default run. */
public interface MessageSender {

  /** What became of a message: the status it now has and the provider's id for it, if any. */
  record Sent(OutboxMessage.Status status, String providerId) {}

  /** What the provider knows of a message whose sending was interrupted. */
  sealed interface Lookup {
    /** It left: record it as sent. */
    record Found(Sent sent) implements Lookup {}
    /** It did not leave (or sending it again is harmless): send it. */
    record NotFound() implements Lookup {}
    /** The provider cannot say: a person decides, it is not sent again by itself. */
    record Unknown() implements Lookup {}
  }

  /**
   * Sends the message. A provider's refusal is a {@link Refused}: for good (a number that cannot take
   * texts), because the patient unsubscribed at the carrier, or for now (a rate limit, an outage).
   */
  Sent send(OutboxMessage message);

  /**
   * Asks the provider about a message found SENDING (the application stopped between the call and
   * recording its answer): whether it has the message. A provider that cannot be asked answers Unknown.
   */
  default Lookup lookUp(OutboxMessage message) {
    return new Lookup.Unknown();
  }

  /** The provider did not take the message. */
  final class Refused extends RuntimeException {

    /** What the refusal means for the message and the patient. */
    public enum Kind {
      UNSUBSCRIBED,
      PERMANENT,
      TEMPORARY,
      /** No answer (a timeout, an unreadable answer): the provider may have it, so it is looked up, not simply sent again. */
      UNANSWERED
    }

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
