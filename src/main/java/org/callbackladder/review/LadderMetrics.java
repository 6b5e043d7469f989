package org.callbackladder.review;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What operations alert on, at {@code /actuator/prometheus} (and {@code /actuator/metrics}): open
 * requests, first attempts overdue, response windows missed, clinical hand-offs nobody has taken yet,
 * and open incidents. Intake by channel ({@code callback.intake}), the outbox
 * ({@code callback.outbox.*}) and stalled referrals have their own meters. Each is read from the
 * project's tables (or the engine) when scraped, through indexed columns: open requests are the
 * rows of {@code open_callback}, one per number with a request open.
 */
@Component
public class LadderMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final Clock clock;

  public LadderMetrics(JdbcTemplate jdbc, RuntimeService runtime, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("callback.requests.open", this, m -> m.count("select count(*) from open_callback"))
        .description("Callback requests not closed yet")
        .register(registry);
    Gauge.builder("callback.requests.first.attempt.overdue", this, LadderMetrics::overdueFirstAttempts)
        .description("Open requests whose first call is past its response window and not made")
        .register(registry);
    Gauge.builder("callback.requests.windows.missed.day", this, LadderMetrics::missedInADay)
        .description("Requests whose first call missed its response window in the last 24 hours")
        .register(registry);
    Gauge.builder("callback.handoffs.waiting", this,
            m -> m.count("select count(*) from clinical_handoff where claimed_at is null and completed_at is null"))
        .description("Clinical hand-offs no clinician has taken yet")
        .register(registry);
    Gauge.builder("callback.incidents.open", runtime, engine -> engine.createIncidentQuery().count())
        .description("Open incidents in the engine (failed jobs out of retries), as Cockpit shows them")
        .register(registry);
  }

  private double missedInADay() {
    return jdbc.queryForObject("select count(*) from callback_request where response_window_missed_at >= ?", Long.class,
        Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
  }

  private double overdueFirstAttempts() {
    return jdbc.queryForObject("select count(*) from open_callback o join callback_request r on r.id = o.callback_request_id"
        + " where r.first_attempt_at is null and r.first_attempt_due_at < ?", Long.class, Timestamp.from(clock.instant()));
  }

  private double count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
