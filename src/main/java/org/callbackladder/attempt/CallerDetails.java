package org.callbackladder.attempt;

import java.util.UUID;

/**
 * What a call taught us about who the patient is: the name of a caller known only by number, a
 * better number. Kept on the request by the corrections (audited, like any other correction).
 */
public interface CallerDetails {

  /** @param name or null; @param betterNumber E.164 or null */
  void learned(UUID callbackRequestId, String name, String betterNumber, String by);
}
