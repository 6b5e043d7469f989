package org.callbackladder.request;

/** Every request ends with one of these. */
public enum ClosureReason {
  BOOKED,
  ROUTED,
  RESOLVED,
  /** On the last attempt the patient said they would call the practice themselves. */
  PATIENT_WILL_CALL_BACK,
  WRONG_NUMBER,
  DECLINED,
  UNREACHABLE,
  /** The clinical team handled the request. */
  CLINICAL_HANDOFF,
  /** After an exception review: the referring office was told the patient could not be reached. */
  REFERRER_NOTIFIED,
  /** After an exception review: a letter or portal message was sent instead of another call. */
  LETTER_SENT,
  /** Closed by a manager: the same need was entered twice. */
  DUPLICATE,
  /** Closed by a manager: the patient came in or was helped in person. */
  SEEN_IN_PERSON
}
