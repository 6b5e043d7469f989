package org.callbackladder.contact;

/** The rendered lines for one reason in one language, ready to read out or send. */
public record CallScript(
    String language,
    String opening,
    String voicemail,
    String followUpText,
    String finalMessage,
    String followUpEmail,
    String finalEmail,
    String closing,
    String redFlag,
    String emergency) {

  /** What the coordinator sees in the call form, in the order a call goes. */
  public String forCallSheet() {
    return String.join(
        "\n\n",
        "OPENING: " + opening,
        "IF NO ANSWER, VOICEMAIL: " + voicemail,
        "SYMPTOMS OR CLINICAL QUESTIONS: " + redFlag + " " + emergency,
        "CLOSING: " + closing);
  }

  /** The body of a follow-up or final message by this channel. */
  public String message(MessageKind kind, String channel) {
    boolean text = OutboxMessage.SMS.equals(channel);
    if (kind == MessageKind.FOLLOW_UP) {
      return text ? followUpText : followUpEmail;
    }
    return text ? finalMessage : finalEmail;
  }
}
