package org.callbackladder.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the records of requests closed longer ago than the retention period: the request, its
 * signals, attempts and messages, together. Open requests are never removed. Camunda's own history
 * is removed by its history cleanup, past each model's time-to-live.
 */
@Service
public class RecordRetention {

  private static final Logger log = LoggerFactory.getLogger(RecordRetention.class);
  private static final String EXPIRED =
      "select id from callback_request where status = 'CLOSED' and closed_at < ?";

  private final JdbcTemplate jdbc;
  private final PatientDataHistory.Settings privacy;
  private final Clock clock;

  public RecordRetention(JdbcTemplate jdbc, PatientDataHistory.Settings privacy, Clock clock) {
    this.jdbc = jdbc;
    this.privacy = privacy;
    this.clock = clock;
  }

  /** Removes every expired record; returns how many requests went. */
  @Scheduled(cron = "${callback.privacy.purge-cron}", zone = "${callback.practice.time-zone}")
  @Transactional
  public int purgeExpired() {
    Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(privacy.retention()).toInstant();
    java.sql.Timestamp before = java.sql.Timestamp.from(cutoff);
    for (String table : new String[] {"outbox_message", "call_attempt", "callback_signal", "clinical_handoff", "exception_decision", "contact_decision"}) {
      jdbc.update("delete from " + table + " where callback_request_id in (" + EXPIRED + ")", before);
    }
    int removed = jdbc.update("delete from callback_request where status = 'CLOSED' and closed_at < ?", before);
    // answers to keyword texts belong to a number, not a request: they go by their own age
    jdbc.update("delete from outbox_message where callback_request_id is null and created_at < ?", before);
    // the reviews name requests and hold what managers wrote: kept no longer than the requests
    jdbc.update("delete from callback_review where prepared_at < ?", before);
    if (removed > 0) {
      log.info("Removed the records of {} callback requests closed before {}", removed, cutoff);
    }
    return removed;
  }
}
