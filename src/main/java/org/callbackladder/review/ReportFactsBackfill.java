package org.callbackladder.review;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.callbackladder.attempt.AttemptOutcome;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.practice.ScheduleProperties;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration 16: fills the report facts of V15 on rows written before it (ADR 0003). A Java
 * migration, since the values depend on the practice's time zone and the patient's day parts.
 * Spring Boot hands this bean to Flyway.
 */
@Component
public class ReportFactsBackfill implements JavaMigration {

  /** The outcomes on which someone spoke with the patient, as an SQL list. */
  static final String SPOKE_WITH_PATIENT = Arrays.stream(AttemptOutcome.values()).filter(AttemptOutcome::spokeWithPatient)
      .map(outcome -> "'" + outcome.name() + "'").collect(Collectors.joining(", "));

  private final ZoneId practiceZone;
  private final ScheduleProperties schedule;

  public ReportFactsBackfill(PracticeProperties practice, ScheduleProperties schedule) {
    this.practiceZone = practice.timeZone();
    this.schedule = schedule;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("16");
  }

  @Override
  public String getDescription() {
    return "fill report facts";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    List<Object[]> requests = new ArrayList<>();
    jdbc.query("select id, received_at, first_attempt_at from callback_request where received_on is null", row -> {
      Instant received = instant(row.getObject("received_at", OffsetDateTime.class));
      Instant first = instant(row.getObject("first_attempt_at", OffsetDateTime.class));
      requests.add(new Object[] {
          java.sql.Date.valueOf(received.atZone(practiceZone).toLocalDate()),
          first == null ? null : (int) Math.max(0, Duration.between(received, first).getSeconds()),
          row.getObject("id")});
    });
    jdbc.batchUpdate("update callback_request set received_on = ?, first_attempt_seconds = ? where id = ?", requests);
    jdbc.update("update callback_request set first_attempt_by = (select a.agent from call_attempt a"
        + " where a.callback_request_id = callback_request.id and a.attempt_number = 1) where first_attempt_by is null");
    jdbc.update("update callback_request set reached_at = (select min(a.completed_at) from call_attempt a"
        + " where a.callback_request_id = callback_request.id and a.outcome in (" + SPOKE_WITH_PATIENT + "))"
        + " where reached_at is null");

    List<Object[]> attempts = new ArrayList<>();
    jdbc.query("select a.id, a.completed_at, r.patient_time_zone from call_attempt a"
        + " join callback_request r on r.id = a.callback_request_id where a.day_part is null", row -> {
      String zone = row.getString("patient_time_zone");
      Instant completed = instant(row.getObject("completed_at", OffsetDateTime.class));
      long id = row.getLong("id");
      schedule.dayPartAt(completed.atZone(zone == null ? practiceZone : ZoneId.of(zone)).toLocalTime())
          .ifPresent(part -> attempts.add(new Object[] {part, id}));
    });
    jdbc.batchUpdate("update call_attempt set day_part = ? where id = ?", attempts);

    List<Object[]> handOffs = new ArrayList<>();
    jdbc.query("select id, created_at, claimed_at from clinical_handoff"
        + " where claimed_at is not null and accepted_after_seconds is null", row -> {
      Duration taken = Duration.between(instant(row.getObject("created_at", OffsetDateTime.class)),
          instant(row.getObject("claimed_at", OffsetDateTime.class)));
      handOffs.add(new Object[] {(int) Math.max(0, taken.getSeconds()), row.getLong("id")});
    });
    jdbc.batchUpdate("update clinical_handoff set accepted_after_seconds = ? where id = ?", handOffs);
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
