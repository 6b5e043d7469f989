package org.callbackladder.attempt;

/** What happened when the number was dialled. */
public enum AttemptOutcome {
  REACHED("Reached"),
  NO_ANSWER("No answer"),
  VOICEMAIL_LEFT("Voicemail left"),
  BUSY("Busy"),
  WRONG_NUMBER("Wrong number"),
  DISCONNECTED("Disconnected"),
  DECLINED("Declined");

  private final String label;

  AttemptOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
