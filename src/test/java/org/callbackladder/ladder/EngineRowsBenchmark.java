package org.callbackladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.EmbeddedPostgresDatabase;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a callback request costs the engine's tables on PostgreSQL: rows inserted into Camunda's
 * {@code ACT_*} tables (from {@code pg_stat_user_tables}) per request, for intake up to the first
 * call task, and for one unanswered call up to the next call task. Every process variable is a
 * runtime row, a history row and, at history level full, a detail row on each write, so this is
 * the figure to watch when a step or a form gains variables. Prints a table; run with
 * {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "callback.contact.relay.enabled=false",
    "callback.access.admin-password=benchmark-admin-secret"})
@ActiveProfiles("postgres")
@Import({CallbackLadderTest.ClockConfiguration.class, EmbeddedPostgresDatabase.class})
class EngineRowsBenchmark {

  static final int REQUESTS = Integer.getInteger("benchmark.rows.requests", 50);

  @Autowired IntakeService intake;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @Autowired HikariDataSource pool;

  @Test
  void rowsPerRequest() throws Exception {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    Map<String, Long> before = inserts();
    List<ProcessInstance> ladders = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      ladders.add(Ladder.start(intake, engine,
          Ladder.request("VOICEMAIL", "APPOINTMENT_REQUEST", "Pat Benchmark", Phones.next())));
    }
    Map<String, Long> afterIntake = inserts();
    for (ProcessInstance ladder : ladders) {
      Task call = engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId())
          .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).singleResult();
      engine.getTaskService().claim(call.getId(), "coordinator");
      engine.getTaskService().complete(call.getId(), Map.of(Vars.ATTEMPT_OUTCOME, "NO_ANSWER", Vars.ATTEMPT_NOTES, "rang out"));
      for (String step : new String[] {CallbackProcess.TASK_QUEUE_FOLLOW_UP_MESSAGE, CallbackProcess.TIMER_NEXT_ATTEMPT_DUE}) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(ladder.getId()).activityId(step).singleResult();
        engine.getManagementService().executeJob(job.getId());
      }
    }
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT)
        .processVariableValueEquals(Vars.ATTEMPT_NUMBER, 2).count()).isEqualTo(REQUESTS);
    Map<String, Long> afterCall = inserts();

    StringBuilder printed = new StringBuilder(String.format(Locale.ROOT,
        "%nEngine rows inserted per request on PostgreSQL %s (%d requests, history level %s)%n",
        jdbc.queryForObject("show server_version", String.class), REQUESTS,
        engine.getProcessEngineConfiguration().getHistory()));
    printed.append(String.format("| %-28s | %14s | %18s |%n", "table", "intake to call", "unanswered call"));
    printed.append("|------------------------------|----------------|--------------------|\n");
    Map<String, Long> totals = new TreeMap<>(Map.of("intake", 0L, "call", 0L));
    for (String table : new TreeMap<>(afterCall).keySet()) {
      long intakeRows = afterIntake.get(table) - before.getOrDefault(table, 0L);
      long callRows = afterCall.get(table) - afterIntake.get(table);
      if (intakeRows + callRows > 0) {
        printed.append(String.format(Locale.ROOT, "| %-28s | %14.1f | %18.1f |%n", table,
            intakeRows / (double) REQUESTS, callRows / (double) REQUESTS));
      }
      totals.merge("intake", intakeRows, Long::sum);
      totals.merge("call", callRows, Long::sum);
    }
    printed.append(String.format(Locale.ROOT, "| %-28s | %14.1f | %18.1f |%n", "all ACT_* tables",
        totals.get("intake") / (double) REQUESTS, totals.get("call") / (double) REQUESTS));
    System.out.println(printed);
    Files.writeString(Path.of("target", "engine-rows-benchmark.md"), printed.toString());
  }

  /**
   * Rows inserted so far into each of Camunda's tables. A server process may keep its statistics a
   * while before it reports them, and always reports them when it ends: the pool's connections are
   * closed first, then this reads until two readings a second apart agree.
   */
  private Map<String, Long> inserts() throws InterruptedException {
    pool.getHikariPoolMXBean().softEvictConnections();
    Map<String, Long> previous = Map.of();
    while (true) {
      Map<String, Long> now = new TreeMap<>();
      jdbc.query("select relname, n_tup_ins from pg_stat_user_tables where relname like 'act\\_%'",
          row -> {
            now.put(row.getString(1), row.getLong(2));
          });
      if (now.equals(previous)) {
        return now;
      }
      previous = now;
      Thread.sleep(1_000);
    }
  }
}
