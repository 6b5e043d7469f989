package org.callbackladder.web;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks one or more rules; answered with 400 and nothing stored. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(
        "Invalid input: "
            + problems.stream()
                .map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
