package org.callbackladder.request;

/** The door a request came through. */
public enum Channel {
  MISSED_CALL,
  VOICEMAIL,
  WEB_FORM,
  PORTAL_MESSAGE,
  REFERRAL,
  TEXT_MESSAGE,
  MANUAL
}
