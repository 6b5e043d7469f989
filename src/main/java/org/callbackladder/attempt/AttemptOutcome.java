package org.callbackladder.attempt;

/** What happened when the number was dialled. */
public enum AttemptOutcome {
  REACHED("Reached"),
  NO_ANSWER("No answer"),
  VOICEMAIL_LEFT("Voicemail left"),
  BUSY("Busy"),
  WRONG_NUMBER("Wrong number"),
  DISCONNECTED("Disconnected"),
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
