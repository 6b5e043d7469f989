package org.callbackladder.screening;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A patient's words as the red-flag table reads them ({@code processes/red-flag-screening.dmn}):
 * lower case, apostrophes dropped ("can't" and "cant" alike), every other mark a space, spaces
 * collapsed, and one space at each end, so the table's phrases, written with a space before and
 * after, match whole words only.
 */
public final class PatientWords {

  private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u2018`]");
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  public static String normalize(String text) {
    if (text == null || text.isBlank()) {
      return " ";
    }
    String lower = APOSTROPHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    return " " + NOT_A_WORD.matcher(lower).replaceAll(" ").strip() + " ";
  }

  private PatientWords() {}
}
