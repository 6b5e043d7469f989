package org.callbackladder.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The job executor acquires due timers in due order ({@code jobExecutorAcquireByDueDate} and
 * {@code jobExecutorPreferTimerJobs} in application.yaml); this adds the index on the due date that
 * makes that query cheap. Camunda owns ACT_RU_JOB and creates it while the engine is built, so the
 * index is added right after, idempotently.
 */
@Component
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final String INDEX = "CL_IDX_JOB_DUEDATE";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + INDEX + " on ACT_RU_JOB (DUEDATE_)");
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot create the job due-date index " + INDEX, e);
    }
  }
}
