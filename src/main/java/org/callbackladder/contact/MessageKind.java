package org.callbackladder.contact;

public enum MessageKind {
  /** After an unanswered attempt with attempts left. */
  FOLLOW_UP,
  /** After the last unanswered attempt: leaves an easy way back. */
  FINAL
}
