package org.callbackladder.web;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that breaks one or more rules; answered with 400 and nothing stored. A Camunda
 * {@link BadUserRequestException}, so a refusal from inside the engine (the "Hand in request" step
 * of a Tasklist start form, started through engine-rest) is a 400 there too.
 */
public class InvalidInputException extends BadUserRequestException {

  /** How the message starts, wherever Camunda wraps it. */
  public static final String PREFIX = "Invalid input: ";

  private final List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(
        PREFIX
            + problems.stream()
                .map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
