package org.callbackladder.attempt;

/** Where a call that reached the patient ended. */
public enum Resolution {
  /** An appointment was booked: its date and time are recorded, with whom or where if given. */
  BOOKED("Booked"),
  /** Passed to another queue or team, which gets a call task of its own. */
  ROUTED("Routed"),
  RESOLVED("Resolved on the call"),
  /** The patient will ring the practice; the ladder keeps its next attempt as a safety net. */
  PATIENT_WILL_CALL_BACK("Patient will call back"),
  /** The patient chose when to be called: the next attempt is at that time. */
  CALL_AT_CHOSEN_TIME("Call back at the patient's time");

  private final String label;

  Resolution(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
