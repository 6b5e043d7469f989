package org.callbackladder.attempt;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.callbackladder.CallbackProcess;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * What the ladder's own table ({@code CallOutcome}, deployed with the ladder) decides after each
 * outcome a coordinator can record, read before the call so the sheet can say it. The table is
 * evaluated outside the engine: showing a sheet writes no decision history.
 */
@Component
public class NextSteps {

  /** What a coordinator can record, as the form words it, by outcome and (when reached) resolution. */
  private static final List<Recordable> RECORDABLE = recordable();

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, Optional<DmnDecision>> tables = new ConcurrentHashMap<>();

  public NextSteps(RepositoryService repository) {
    this.repository = repository;
  }

  record Recordable(String label, AttemptOutcome outcome, Resolution resolution) {}

  /**
   * For each step the table leads to from attempt {@code attemptNumber} of {@code maxAttempts}, the
   * outcomes that lead there, in the form's order; a step the table has no rule for is "null".
   */
  public Map<String, List<String>> byStep(int attemptNumber, int maxAttempts) {
    Optional<DmnDecision> table = table();
    Map<String, List<String>> steps = new LinkedHashMap<>();
    if (table.isEmpty()) {
      return steps;
    }
    for (Recordable call : RECORDABLE) {
      var result = dmn.evaluateDecisionTable(table.get(), Variables.createVariables()
          .putValue("attemptOutcome", call.outcome().name())
          .putValue("resolution", call.resolution() == null ? null : call.resolution().name())
          .putValue("attemptNumber", attemptNumber)
          .putValue("maxAttempts", maxAttempts));
      String step = result.isEmpty() ? "null" : String.valueOf((Object) result.getSingleEntry());
      steps.computeIfAbsent(step, s -> new ArrayList<>()).add(call.label());
    }
    return steps;
  }

  /** The table deployed with the ladder's latest version (each deployment's is read once). */
  private Optional<DmnDecision> table() {
    ProcessDefinition ladder = repository.createProcessDefinitionQuery().processDefinitionKey(CallbackProcess.PROCESS_KEY)
        .latestVersion().singleResult();
    if (ladder == null) {
      return Optional.empty();
    }
    return tables.computeIfAbsent(ladder.getDeploymentId(), (Function<String, Optional<DmnDecision>>) deployment ->
        repository.getDeploymentResourceNames(deployment).stream().filter(name -> name.endsWith("call-outcome.dmn")).findFirst()
            .map(name -> {
              try (InputStream in = repository.getResourceAsStream(deployment, name)) {
                return dmn.parseDecision("CallOutcome", in);
              } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + name + " of deployment " + deployment, e);
              }
            }));
  }

  private static List<Recordable> recordable() {
    List<Recordable> all = new ArrayList<>();
    for (Resolution resolution : Resolution.values()) {
      all.add(new Recordable("Reached, " + resolution.label().toLowerCase(Locale.ROOT), AttemptOutcome.REACHED,
          resolution));
    }
    for (AttemptOutcome outcome : AttemptOutcome.values()) {
      if (outcome != AttemptOutcome.REACHED && !outcome.isClinical()) {
        all.add(new Recordable(outcome.label(), outcome, null));
      }
    }
    all.add(new Recordable("Clinical concern or possible emergency", AttemptOutcome.CLINICAL_CONCERN, null));
    return all;
  }
}
