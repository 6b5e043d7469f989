package org.callbackladder.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.callbackladder.support.CallbackLadderTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Due timers are acquired in due order, with an index that serves the query. */
@CallbackLadderTest
class JobAcquisitionTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theJobExecutorAcquiresTimersByDueDateWithAnIndex() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isJobExecutorPreferTimerJobs()).isTrue();
    assertThat(jdbc.queryForObject(
            "select count(*) from INFORMATION_SCHEMA.INDEXES where INDEX_NAME = ?", Integer.class, JobAcquisitionIndex.INDEX))
        .isEqualTo(1);
  }
}
