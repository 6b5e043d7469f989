package org.callbackladder.request;

/** Why the patient wants a callback. Routing, scripts and reports are kept per reason. */
public enum Reason {
  NEW_PATIENT_APPOINTMENT("New patient appointment"),
  APPOINTMENT_REQUEST("Appointment request"),
  APPOINTMENT_CHANGE("Change or cancel an appointment"),
  REFERRAL_QUESTION("Referral question"),
  TELEHEALTH_SUPPORT("Telehealth support"),
  PRESCRIPTION_SCHEDULING("Prescription-related scheduling"),
  POST_DISCHARGE_FOLLOW_UP("Post-discharge follow-up"),
  INSURANCE_QUESTION("Insurance question"),
  FORMS_AND_INTAKE("Forms and intake"),
  GENERAL("General");

  private final String label;

  Reason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
