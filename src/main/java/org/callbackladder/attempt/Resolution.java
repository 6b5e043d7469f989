package org.callbackladder.attempt;

/** What was done on a call that reached the patient. */
public enum Resolution {
  BOOKED,
  ROUTED,
  RESOLVED
}
