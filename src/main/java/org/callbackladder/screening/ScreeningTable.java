package org.callbackladder.screening;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The red-flag table ({@code processes/red-flag-screening.dmn}) must be there, in the ladder's
 * deployment, with the outputs the application reads. Checked when the application starts, after
 * the ladder is deployed: a table that did not deploy, or lost an output in an edit, stops the start
 * with a message naming what is missing. Screening that silently flags nothing is not an option.
 */
@Component
@DependsOn("ladderDeployment") // checks what was just deployed
public class ScreeningTable {

  public static final String DECISION_KEY = "RedFlagScreening";
  public static final List<String> OUTPUTS = List.of("screening", "matchedRule", "clinicianNote");

  private final RepositoryService repository;

  public ScreeningTable(RepositoryService repository) {
    this.repository = repository;
  }

  @PostConstruct
  void checkDeployed() {
    DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
        .latestVersion().singleResult();
    if (table == null) {
      throw new IllegalStateException("The red-flag table (decision " + DECISION_KEY
          + ", processes/red-flag-screening.dmn) is not deployed: the application does not start without it");
    }
    check(repository.getDmnModelInstance(table.getId()));
  }

  /** Refuses a table whose decision lacks one of the outputs the application reads. */
  public static void check(DmnModelInstance model) {
    Decision decision = model.getModelElementById(DECISION_KEY);
    Set<String> outputs = decision == null ? Set.of()
        : decision.getChildElementsByType(DecisionTable.class).stream()
            .flatMap(table -> table.getOutputs().stream())
            .map(Output::getName)
            .collect(Collectors.toSet());
    List<String> missing = OUTPUTS.stream().filter(name -> !outputs.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The red-flag table (decision " + DECISION_KEY + ") lacks the outputs " + missing
          + "; it needs " + OUTPUTS);
    }
  }
}
