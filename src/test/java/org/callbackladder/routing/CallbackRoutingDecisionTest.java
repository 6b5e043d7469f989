package org.callbackladder.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.callbackladder.access.Groups;
import org.callbackladder.request.Channel;
import org.callbackladder.request.Reason;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/callback-routing.dmn: the shipped rules, and what any edit of the table must keep. */
class CallbackRoutingDecisionTest {

  static DmnEngine dmn;
  static DmnDecision routing;
  static final Set<String> matchedRules = new HashSet<>();

  @BeforeAll
  static void parseTable() throws Exception {
    DefaultDmnEngineConfiguration config =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    config.customPostDecisionTableEvaluationListeners(
        List.of(event -> event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()))));
    dmn = config.buildEngine();
    try (InputStream table = Files.newInputStream(Path.of("processes/callback-routing.dmn"))) {
      routing = dmn.parseDecision("CallbackRouting", table);
    }
  }

  /** The rules the product ships with, one per reason, plus referral letters first. */
  @ParameterizedTest(name = "{0} via {1} -> {2}, {3}, {4}, {5} attempts")
  @CsvSource({
    "NEW_PATIENT_APPOINTMENT,  WEB_FORM,    callback-coordinators, 80, PT2H, 3, Rule_02",
    "APPOINTMENT_REQUEST,      PORTAL_MESSAGE, callback-coordinators, 70, PT4H, 3, Rule_03",
    "APPOINTMENT_CHANGE,       MISSED_CALL, callback-coordinators, 60, PT4H, 3, Rule_04",
    "REFERRAL_QUESTION,        VOICEMAIL,   referral-coordinators, 80, PT2H, 3, Rule_05",
    "TELEHEALTH_SUPPORT,       PORTAL_MESSAGE, callback-coordinators, 90, PT1H, 3, Rule_06",
    "PRESCRIPTION_SCHEDULING,  WEB_FORM,    callback-coordinators, 70, PT4H, 3, Rule_07",
    "POST_DISCHARGE_FOLLOW_UP, MANUAL,      callback-coordinators, 90, PT2H, 3, Rule_08",
    "INSURANCE_QUESTION,       TEXT_MESSAGE, callback-coordinators, 40, PT8H, 3, Rule_09",
    "FORMS_AND_INTAKE,         WEB_FORM,    callback-coordinators, 40, PT8H, 3, Rule_10",
    "GENERAL,                  MISSED_CALL, callback-coordinators, 50, PT8H, 3, Rule_11",
    "NEW_PATIENT_APPOINTMENT,  REFERRAL,    referral-coordinators, 80, PT2H, 3, Rule_01",
    "GENERAL,                  REFERRAL,    referral-coordinators, 80, PT2H, 3, Rule_01",
  })
  void shippedRules(
      String reason, String channel, String queue, int priority, String window, int attempts, String rule) {
    matchedRules.clear();

    DmnDecisionResultEntries result = evaluate(reason, channel);

    assertThat(result.<String>getEntry("queue")).isEqualTo(queue);
    assertThat(result.<Integer>getEntry("priority")).isEqualTo(priority);
    assertThat(result.<String>getEntry("responseWindow")).isEqualTo(window);
    assertThat(result.<Integer>getEntry("maxAttempts")).isEqualTo(attempts);
    assertThat(matchedRules).contains(rule);
  }

  @Test
  void everyRuleOfTheTableIsReachable() {
    matchedRules.clear();
    for (Reason reason : Reason.values()) {
      for (Channel channel : Channel.values()) {
        evaluate(reason.name(), channel.name());
      }
    }
    Set<String> allRules =
        ((DmnDecisionTableImpl) routing.getDecisionLogic()).getRules().stream()
            .map(DmnDecisionTableRuleImpl::getId)
            .collect(Collectors.toSet());
    assertThat(matchedRules).containsExactlyInAnyOrderElementsOf(allRules);
  }

  /** Whatever a manager changes, every request must land in a real queue with a usable window. */
  @Test
  void everyReasonOnEveryChannelIsRoutedToARealQueue() {
    Set<String> queues = Groups.ROLES.stream().map(Groups.Role::groupId).collect(Collectors.toSet());
    for (Reason reason : Reason.values()) {
      for (Channel channel : Channel.values()) {
        DmnDecisionResultEntries result = evaluate(reason.name(), channel.name());
        assertThat(result).as("%s via %s", reason, channel).isNotNull();
        assertThat(queues).contains(result.<String>getEntry("queue"));
        assertThat(result.<Integer>getEntry("priority")).isBetween(0, 100);
        assertThat(Duration.parse(result.getEntry("responseWindow"))).isPositive();
        assertThat(result.<Integer>getEntry("maxAttempts")).isBetween(1, 10);
      }
    }
  }

  private static DmnDecisionResultEntries evaluate(String reason, String channel) {
    Map<String, Object> input = Variables.createVariables().putValue("reason", reason).putValue("channel", channel);
    return dmn.evaluateDecision(routing, input).getFirstResult();
  }
}
