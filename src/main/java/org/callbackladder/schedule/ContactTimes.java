package org.callbackladder.schedule;

/**
 * What a patient asked about the times they may be contacted, answered from where their consent
 * and restrictions are kept (the contact stage), so scheduling need not know that record.
 */
public interface ContactTimes {

  /** Whether the patient at this number asked not to be called or texted during work hours. */
  boolean notDuringWorkHours(String phone);
}
