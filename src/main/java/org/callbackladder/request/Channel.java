package org.callbackladder.request;

/** The door a request came through. */
public enum Channel {
  MISSED_CALL,
  VOICEMAIL,
  WEB_FORM,
  PORTAL_MESSAGE,
  REFERRAL,
  TEXT_MESSAGE,
  /** An answered call from the patient: the patient getting back to us. */
  PHONE_CALL,
  MANUAL;

  /** Channels whose form asks for the patient's name; phone systems usually do not know it. */
  public boolean collectsName() {
    return this == WEB_FORM || this == PORTAL_MESSAGE || this == REFERRAL || this == MANUAL;
  }
}
