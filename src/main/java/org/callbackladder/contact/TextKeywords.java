package org.callbackladder.contact;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keywords a text may consist of, as carriers and the law expect them: the whole message, in any
 * case, with spaces or punctuation around it. A message that merely contains "stop" among other
 * words is a patient's message like any other.
 */
public final class TextKeywords {

  /** What a keyword asks for. */
  public enum Keyword { OPT_OUT, OPT_IN, HELP }

  private static final Pattern AROUND = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Map<String, Keyword> WORDS = Map.ofEntries(
      Map.entry("STOP", Keyword.OPT_OUT), Map.entry("STOPALL", Keyword.OPT_OUT), Map.entry("UNSUBSCRIBE", Keyword.OPT_OUT),
      Map.entry("CANCEL", Keyword.OPT_OUT), Map.entry("END", Keyword.OPT_OUT), Map.entry("QUIT", Keyword.OPT_OUT),
      Map.entry("REVOKE", Keyword.OPT_OUT), Map.entry("OPT OUT", Keyword.OPT_OUT), Map.entry("OPTOUT", Keyword.OPT_OUT),
      Map.entry("START", Keyword.OPT_IN), Map.entry("UNSTOP", Keyword.OPT_IN), Map.entry("YES", Keyword.OPT_IN),
      Map.entry("HELP", Keyword.HELP), Map.entry("INFO", Keyword.HELP));

  /** The keyword the whole message is, and the word as the patient wrote it (normalized). */
  public record Found(Keyword keyword, String word) {}

  public static Optional<Found> of(String message) {
    if (message == null) {
      return Optional.empty();
    }
    String word = SPACES.matcher(AROUND.matcher(message).replaceAll("")).replaceAll(" ").toUpperCase(Locale.ROOT);
    return Optional.ofNullable(WORDS.get(word)).map(keyword -> new Found(keyword, word));
  }

  private TextKeywords() {}
}
