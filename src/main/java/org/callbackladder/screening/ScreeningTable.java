package org.callbackladder.screening;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.callbackladder.request.Screening;
import org.callbackladder.request.Screening.Level;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The red-flag table ({@code processes/red-flag-screening.dmn}) must be there, in the ladder's
 * deployment, with the outputs the application reads. Checked when the application starts, after
 * the ladder is deployed: a table that did not deploy, or lost an output in an edit, stops the start
 * with a message naming what is missing. Screening that silently flags nothing is not an option.
 *
 * <p>The words are evaluated against the latest deployed version of the table by a DMN engine of
 * its own, outside the process engine: the engine would keep every evaluation's input (the
 * patient's words) in its decision history.
 */
@Component
@DependsOn("ladderDeployment") // checks what was just deployed
public class ScreeningTable {

  private static final Logger log = LoggerFactory.getLogger(ScreeningTable.class);

  public static final String DECISION_KEY = "RedFlagScreening";
  public static final List<String> OUTPUTS = List.of("screening", "matchedRule", "clinicianNote");

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /** Parsed tables by decision definition id: a version deployed from Modeler is parsed once. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public ScreeningTable(RepositoryService repository) {
    this.repository = repository;
  }

  @PostConstruct
  void checkDeployed() {
    check(repository.getDmnModelInstance(latest().getId()));
  }

  /** Screens the patient's words (any text: they are normalized first) with the latest table. */
  public Screening screen(String text) {
    if (text == null || text.isBlank()) {
      return Screening.NONE;
    }
    DmnDecisionRuleResult result = dmn
        .evaluateDecisionTable(current(), Variables.createVariables().putValue("words", PatientWords.normalize(text)))
        .getFirstResult();
    if (result == null) {
      return Screening.NONE;
    }
    return new Screening(
        level(result.getEntry("screening")), result.getEntry("matchedRule"), result.getEntry("clinicianNote"));
  }

  /**
   * A matched rule without a level, or with one the application does not know (a slip in an edit),
   * goes to a clinician rather than nowhere.
   */
  private static Level level(Object value) {
    if (value == null || value.toString().isBlank()) {
      return Level.CLINICAL;
    }
    try {
      return Level.valueOf(String.valueOf(value).strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return Level.CLINICAL;
    }
  }

  /**
   * The latest deployed table; when it cannot be used (a version deployed from Modeler that lost an
   * output or does not parse), the newest one that can, with an error in the log once, so intake goes
   * on screening instead of failing.
   */
  private DmnDecision current() {
    String latestId = latest().getId();
    DmnDecision known = parsed.get(latestId);
    if (known != null) {
      return known;
    }
    DmnDecision usable = null;
    for (DecisionDefinition version : repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
        .orderByDecisionDefinitionVersion().desc().list()) {
      try {
        usable = parse(version.getId());
        if (!version.getId().equals(latestId)) {
          log.error("The red-flag table's latest version cannot be used; screening with version {} until it is fixed",
              version.getVersion());
        }
        break;
      } catch (RuntimeException broken) {
        log.error("Red-flag table version {} cannot be used: {}", version.getVersion(), broken.getMessage());
      }
    }
    if (usable == null) {
      throw new IllegalStateException("No deployed version of the red-flag table (decision " + DECISION_KEY + ") can be used");
    }
    parsed.put(latestId, usable);
    return usable;
  }

  private DecisionDefinition latest() {
    DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
        .latestVersion().singleResult();
    if (table == null) {
      throw new IllegalStateException("The red-flag table (decision " + DECISION_KEY
          + ", processes/red-flag-screening.dmn) is not deployed: the application does not start without it");
    }
    return table;
  }

  private DmnDecision parse(String definitionId) {
    check(repository.getDmnModelInstance(definitionId));
    try (InputStream model = repository.getDecisionModel(definitionId)) {
      return dmn.parseDecision(DECISION_KEY, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
