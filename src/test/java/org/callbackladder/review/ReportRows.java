package org.callbackladder.review;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.support.TestPractice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/** Rows for hand-built report data, written straight into the project's tables at New York wall-clock times. */
final class ReportRows {

  private final JdbcTemplate jdbc;

  ReportRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  UUID request(String channel, String reason, String queue, String received, String receivedOn, String due,
      String firstAttempt, Integer firstSeconds, String reached, String status, String closure, String missed,
      Boolean records) {
    UUID id = UUID.randomUUID();
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    row.put("channel", channel);
    row.put("reason", reason);
    row.put("patient_name", "Report Patient");
    row.put("patient_phone", "+12125550100");
    row.put("status", status);
    row.put("queue", queue);
    row.put("received_at", at(received));
    row.put("received_on", Date.valueOf(receivedOn));
    row.put("first_attempt_due_at", at(due));
    row.put("first_attempt_at", at(firstAttempt));
    row.put("first_attempt_seconds", firstSeconds);
    row.put("reached_at", at(reached));
    row.put("closure_reason", closure);
    row.put("closed_at", closure == null ? null : at(received));
    row.put("response_window_missed_at", at(missed));
    row.put("records_received", records);
    new SimpleJdbcInsert(jdbc).withTableName("callback_request").usingColumns(row.keySet().toArray(String[]::new))
        .execute(row);
    return id;
  }

  void attempt(UUID request, int number, String agent, String outcome, String completed, String dayPart) {
    jdbc.update("insert into call_attempt (callback_request_id, attempt_number, agent, number_dialled, outcome, completed_at,"
        + " day_part) values (?, ?, ?, '+12125550100', ?, ?, ?)", request, number, agent, outcome, at(completed), dayPart);
    if (number == 1) {
      jdbc.update("update callback_request set first_attempt_by = ? where id = ?", agent, request);
    }
  }

  void signal(UUID request, String outcome, String received) {
    jdbc.update("insert into callback_signal (callback_request_id, channel, reason, outcome, received_at)"
        + " values (?, 'VOICEMAIL', 'GENERAL', ?, ?)", request, outcome, at(received));
  }

  void handOff(UUID request, String created, String claimed, Integer acceptedAfter, int escalations) {
    jdbc.update("insert into clinical_handoff (callback_request_id, kind, raised_by, created_at, due_at, claimed_at,"
        + " accepted_after_seconds, escalations) values (?, 'CLINICAL_REVIEW', 'CALL', ?, ?, ?, ?, ?)",
        request, at(created), at(created), at(claimed), acceptedAfter, escalations);
  }

  void message(UUID request, String channel, String status, String created) {
    jdbc.update("insert into outbox_message (callback_request_id, kind, attempt_number, channel, patient_phone, recipient,"
        + " body, status, created_at) values (?, 'FOLLOW_UP', 1, ?, '+12125550100', 'x', 'words', ?, ?)",
        request, channel, status, at(created));
  }

  void optOut(String at) {
    jdbc.update("insert into patient_contact_change (phone, field, old_value, new_value, source, changed_by, changed_at)"
        + " values ('+12125550100', 'textConsent', 'true', 'false', 'keyword STOP', 'patient', ?)", at(at));
  }

  /** A New York wall-clock time, summer or winter, as the database keeps it. */
  static Timestamp at(String local) {
    return local == null ? null : Timestamp.from(LocalDateTime.parse(local).atZone(TestPractice.NEW_YORK).toInstant());
  }
}
