package org.callbackladder.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The small rules input fields share. Each check adds a {@link FieldProblem} instead of throwing, so
 * one answer can list every broken rule.
 */
public final class FieldRules {

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

  /** Stripped text, or null when blank; a problem when it is longer than {@code max}. */
  public static String optionalText(String field, Object value, int max, List<FieldProblem> problems) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    if (text.length() > max) {
      problems.add(new FieldProblem(field, "max-length", "must be at most " + max + " characters"));
      return null;
    }
    return text;
  }

  /** Like {@link #optionalText}, and a problem when blank. */
  public static String requiredText(String field, Object value, int max, List<FieldProblem> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add(new FieldProblem(field, "required", "is required"));
      return null;
    }
    return optionalText(field, value, max, problems);
  }

  private FieldRules() {}
}
