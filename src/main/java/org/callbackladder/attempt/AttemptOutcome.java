package org.callbackladder.attempt;

/**
 * What happened when the number was dialled. What the ladder does after each one is decided by the
 * table processes/call-outcome.dmn, not here.
 */
public enum AttemptOutcome {
  REACHED("Reached"),
  NO_ANSWER("No answer"),
  VOICEMAIL_LEFT("Voicemail left"),
  BUSY("Busy"),
  /** The line went dead before anything was settled: not reached, the ladder goes on. */
  CALL_DROPPED("Call dropped"),
  /** Someone else answered and took a message; who they are is recorded as a role, never a name. */
  SPOKE_WITH_SOMEONE_ELSE("Spoke with someone else"),
  WRONG_NUMBER("Wrong number"),
  /** The number no longer works: a manager looks for another one. */
  DISCONNECTED("Number disconnected"),
  DECLINED("Declined"),
  /** The patient raised a symptom or medication question: a Clinical review at once. */
  CLINICAL_CONCERN("Clinical concern: passed to the clinical team"),
  /** The patient described a possible emergency: emergency line given, Urgent clinical callback at once. */
  EMERGENCY("Possible emergency: emergency line given, passed to the clinical team");

  private final String label;

  AttemptOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Someone spoke with the patient on this call (and could hear what they asked for). */
  public boolean spokeWithPatient() {
    return this == REACHED || this == DECLINED || isClinical();
  }

  /** The call handed the request to the clinical team. */
  public boolean isClinical() {
    return this == CLINICAL_CONCERN || this == EMERGENCY;
  }
}
