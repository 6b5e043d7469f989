package org.callbackladder.contact;

public enum MessageKind {
  /** After an unanswered attempt with attempts left. */
  FOLLOW_UP,
  /** After the last unanswered attempt: leaves an easy way back. */
  FINAL,
  /** The one confirmation after STOP and its kin. */
  OPT_OUT_CONFIRMATION,
  /** After START, UNSTOP or YES. */
  OPT_IN_CONFIRMATION,
  /** The answer to HELP or INFO: the practice's name, number and hours. */
  HELP_REPLY
}
