package org.callbackladder.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/call-outcome.dmn: what the ladder does after each call, as the practice ships it. */
class CallOutcomeDecisionTest {

  /** The steps the model's gateway "What happens next?" has a path for. */
  static final Set<String> STEPS = Set.of("CLOSE", "ROUTE", "CALL_AT_CHOSEN_TIME", "NEXT_ATTEMPT",
      "NEXT_ATTEMPT_WITH_MESSAGE", "LAST_ATTEMPT_MADE", "CLINICAL_HAND_OFF", "FIND_ANOTHER_NUMBER");

  static DmnEngine dmn;
  static DmnDecision table;

  @BeforeAll
  static void parseTable() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/call-outcome.dmn"))) {
      table = dmn.parseDecision("CallOutcome", in);
    }
  }

  @ParameterizedTest(name = "{0} {1}, attempt {2} of 3 -> {3}")
  @CsvSource(nullValues = "-", value = {
    "REACHED,                 BOOKED,                 1, CLOSE",
    "REACHED,                 RESOLVED,               3, CLOSE",
    "REACHED,                 ROUTED,                 3, ROUTE",
    "REACHED,                 CALL_AT_CHOSEN_TIME,    3, CALL_AT_CHOSEN_TIME",
    "REACHED,                 PATIENT_WILL_CALL_BACK, 1, NEXT_ATTEMPT",
    "REACHED,                 PATIENT_WILL_CALL_BACK, 3, CLOSE",
    "WRONG_NUMBER,            -,                      1, CLOSE",
    "DECLINED,                -,                      2, CLOSE",
    "CLINICAL_CONCERN,        -,                      3, CLINICAL_HAND_OFF",
    "EMERGENCY,               -,                      1, CLINICAL_HAND_OFF",
    "DISCONNECTED,            -,                      1, FIND_ANOTHER_NUMBER",
    "NO_ANSWER,               -,                      1, NEXT_ATTEMPT_WITH_MESSAGE",
    "VOICEMAIL_LEFT,          -,                      2, NEXT_ATTEMPT_WITH_MESSAGE",
    "CALL_DROPPED,            -,                      1, NEXT_ATTEMPT_WITH_MESSAGE",
    "SPOKE_WITH_SOMEONE_ELSE, -,                      2, NEXT_ATTEMPT_WITH_MESSAGE",
    "BUSY,                    -,                      3, LAST_ATTEMPT_MADE",
    "CALL_DROPPED,            -,                      3, LAST_ATTEMPT_MADE",
  })
  void whatHappensAfterACall(String outcome, String resolution, int attempt, String step) {
    assertThat(next(outcome, resolution, attempt)).isEqualTo(step);
  }

  /** Every outcome the form offers, with every resolution where the patient was reached, has exactly one step. */
  @Test
  void everyCallTheFormCanRecordHasOneStepTheModelKnows() {
    List<String> unanswered = new ArrayList<>();
    for (AttemptOutcome outcome : AttemptOutcome.values()) {
      List<String> resolutions = outcome == AttemptOutcome.REACHED
          ? Arrays.stream(Resolution.values()).map(Enum::name).toList()
          : Stream.of((String) null).toList();
      for (String resolution : resolutions) {
        for (int attempt = 1; attempt <= 3; attempt++) {
          String step = next(outcome.name(), resolution, attempt);
          if (step == null || !STEPS.contains(step)) {
            unanswered.add(outcome + "/" + resolution + "/" + attempt + " -> " + step);
          }
        }
      }
    }
    assertThat(unanswered).isEmpty();
  }

  private static String next(String outcome, String resolution, int attempt) {
    Map<String, Object> call = Variables.createVariables().putValue("attemptOutcome", outcome)
        .putValue("resolution", resolution).putValue("attemptNumber", attempt).putValue("maxAttempts", 3);
    var result = dmn.evaluateDecisionTable(table, call);
    return result.isEmpty() ? null : result.getSingleEntry();
  }
}
