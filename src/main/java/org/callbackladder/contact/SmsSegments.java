package org.callbackladder.contact;

/**
 * How many SMS segments a text takes. Texts in the GSM-7 alphabet take 160 characters in one segment
 * and 153 per segment when split (the escaped characters {@code ^ { } \ [ ~ ] | €} count twice); any
 * other character makes the whole text UCS-2: 70 in one segment, 67 per segment when split.
 */
final class SmsSegments {

  private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

  private SmsSegments() {}

  static int count(String text) {
    if (needsUnicode(text)) {
      return segments(text.length(), 70, 67); // UTF-16 code units, as UCS-2 counts them
    }
    int escaped = (int) text.chars().filter(c -> GSM_EXTENDED.indexOf(c) >= 0).count();
    return segments(text.length() + escaped, 160, 153);
  }

  /** True when the text needs UCS-2 (a character outside GSM-7), which shortens every segment. */
  static boolean needsUnicode(String text) {
    return text.chars().anyMatch(c -> GSM_BASIC.indexOf(c) < 0 && GSM_EXTENDED.indexOf(c) < 0);
  }

  private static int segments(int length, int single, int perPart) {
    return length <= single ? 1 : (length + perPart - 1) / perPart;
  }
}
