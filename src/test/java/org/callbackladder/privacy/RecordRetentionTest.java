package org.callbackladder.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.callbackladder.attempt.AttemptReport;
import org.callbackladder.attempt.AttemptService;
import org.callbackladder.contact.MessageKind;
import org.callbackladder.contact.MessageOutbox;
import org.callbackladder.intake.CallbackRequestValidator;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.request.RequestDetails;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.TestPractice;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Records of requests closed longer ago than the retention period go, with everything they hold. */
@CallbackLadderTest
class RecordRetentionTest {

  @Autowired RecordRetention retention;
  @Autowired CallbackRequestValidator validator;
  @Autowired CallbackRequestRepository requests;
  @Autowired CallbackSignalRepository signals;
  @Autowired AttemptService attempts;
  @Autowired MessageOutbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void expiredRequestsGoWithTheirSignalsAttemptsAndMessagesOthersStay() {
    Instant sevenYearsAgo = CallbackLadderTest.TUESDAY_9AM.atOffset(ZoneOffset.UTC).minusYears(7).toInstant();
    UUID expired = request(sevenYearsAgo, true);
    UUID oldButOpen = request(sevenYearsAgo, false);
    UUID recent = request(CallbackLadderTest.TUESDAY_9AM.atOffset(ZoneOffset.UTC).minusYears(1).toInstant(), true);
    clock.set(CallbackLadderTest.TUESDAY_9AM);

    assertThat(retention.purgeExpired()).isGreaterThanOrEqualTo(1);

    assertThat(requests.existsById(expired)).isFalse();
    for (String table : new String[] {"callback_signal", "call_attempt", "outbox_message"}) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where callback_request_id = ?", Integer.class, expired))
          .as(table).isZero();
    }
    assertThat(requests.existsById(oldButOpen)).isTrue();
    assertThat(requests.existsById(recent)).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from call_attempt where callback_request_id = ?", Integer.class, recent))
        .isEqualTo(1);
  }

  @Test
  void camundaRemovesOldHistoryInANightlyWindow() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isPositive());
  }

  /** A request received at {@code at}, with a signal, an attempt and a message; closed a day later if asked. */
  private UUID request(Instant at, boolean closed) {
    clock.set(at);
    RequestDetails details = validator.validate(Ladder.request("WEB_FORM", "GENERAL", "Old Record", Phones.next()));
    CallbackRequest request = requests.save(CallbackRequest.received(details, at, TestPractice.NEW_YORK));
    signals.save(CallbackSignal.of(request.getId(), details, CallbackSignal.Outcome.CREATED, at));
    attempts.document(request.getId(), 1, "coordinator", AttemptReport.of("REACHED", "BOOKED", "done"));
    outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1);
    if (closed) {
      CallbackRequest stored = requests.findById(request.getId()).orElseThrow();
      stored.close(ClosureReason.BOOKED, at.plusSeconds(86_400));
      requests.save(stored);
    }
    return request.getId();
  }
}
