package org.callbackladder.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The small rules input fields share. Each check adds a {@link FieldProblem} instead of throwing, so
 * one answer can list every broken rule.
 */
public final class FieldRules {

  /** C0 and C1 control characters and DEL, except tab, line feed and carriage return. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

  /** The enum constant named by {@code value}; a problem when it is missing or unknown. */
  public static <E extends Enum<E>> E oneOf(
      Class<E> type, String field, Object value, List<FieldProblem> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add(new FieldProblem(field, "required", "is required"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().strip());
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      problems.add(new FieldProblem(field, "one-of", "must be one of " + allowed));
      return null;
    }
  }

  /**
   * Stripped text, or null when blank; a problem when it is longer than {@code max} or holds a
   * control character other than tab and line breaks (NUL, escape, ...), which no person types and
   * PostgreSQL cannot store.
   */
  public static String optionalText(String field, Object value, int max, List<FieldProblem> problems) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    if (text.length() > max) {
      problems.add(new FieldProblem(field, "max-length", "must be at most " + max + " characters"));
      return null;
    }
    if (CONTROL.matcher(text).find()) {
      problems.add(new FieldProblem(field, "control-character", "must not contain control characters"));
      return null;
    }
    return text;
  }

  /**
   * Text a phone system sent, made storable instead of refused: control characters go, and what is
   * longer than {@code max} is cut. A provider does not correct and resend a callback.
   */
  public static String fitted(String value, int max) {
    if (value == null) {
      return null;
    }
    String text = CONTROL.matcher(value).replaceAll("").strip();
    return text.length() > max ? text.substring(0, max).strip() : text;
  }

  /**
   * A checkbox's answer: a boolean, or its text as a REST client may send it; absent is not ticked.
   * Anything else is a problem rather than a guess, so a tick is never lost.
   */
  public static boolean tick(String field, Object value, List<FieldProblem> problems) {
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    if ("true".equals(value) || "false".equals(value)) {
      return "true".equals(value);
    }
    problems.add(new FieldProblem(field, "boolean", "must be true or false"));
    return false;
  }

  /** Like {@link #optionalText}, and a problem when blank. */
  public static String requiredText(String field, Object value, int max, List<FieldProblem> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add(new FieldProblem(field, "required", "is required"));
      return null;
    }
    return optionalText(field, value, max, problems);
  }

  /** The highest page number a search answers: far past what anyone reads, and safe from offset overflow. */
  public static final int MAX_PAGE = 10_000;

  /** Problems when a page number is outside 0 to {@link #MAX_PAGE} or a page size outside 1 to {@code maxSize}. */
  public static void paging(int page, int size, int maxSize, List<FieldProblem> problems) {
    if (page < 0 || page > MAX_PAGE) {
      problems.add(new FieldProblem("page", "range", "must be between 0 and " + MAX_PAGE));
    }
    if (size < 1 || size > maxSize) {
      problems.add(new FieldProblem("size", "range", "must be between 1 and " + maxSize));
    }
  }

  private FieldRules() {}
}
