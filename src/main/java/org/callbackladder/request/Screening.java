package org.callbackladder.request;

/**
 * What the red-flag table made of some patient words: the level, the rule that matched (shown to
 * the clinician and stored with the request) and the table's note for the clinician.
 */
public record Screening(Level level, String matchedRule, String clinicianNote) {

  public static final Screening NONE = new Screening(Level.NONE, null, null);

  /** Ordered from least to most urgent; a request keeps the highest level any of its texts reached. */
  public enum Level {
    NONE,
    /** A symptom or medication question: a Clinical review by licensed staff. */
    CLINICAL,
    /** A possible emergency: an Urgent clinical callback, at once, whatever the hour. */
    EMERGENCY;

    public boolean isAbove(Level other) {
      return compareTo(other) > 0;
    }
  }

  public boolean flagged() {
    return level != Level.NONE;
  }
}
