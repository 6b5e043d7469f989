package org.callbackladder.correction;

import java.util.UUID;
import org.callbackladder.attempt.CallerDetails;
import org.springframework.stereotype.Component;

/** A name or a better number learned on a call goes onto the request as a correction, audited. */
@Component
class CallerDetailsFromCalls implements CallerDetails {

  private final PatientCorrections corrections;

  CallerDetailsFromCalls(PatientCorrections corrections) {
    this.corrections = corrections;
  }

  @Override
  public void learned(UUID callbackRequestId, String name, String betterNumber, String by) {
    if (name != null || betterNumber != null) {
      corrections.correct(callbackRequestId, new PatientCorrections.Changes(name, betterNumber, null, null, null), by, false);
    }
  }
}
