package org.callbackladder.contact;

/** The rendered lines for one reason, ready to read out or send. */
public record CallScript(
    String opening,
    String voicemail,
    String followUpText,
    String finalMessage,
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
}
