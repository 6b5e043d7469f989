package org.callbackladder.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.callbackladder.attempt.AttemptReport;
import org.callbackladder.attempt.AttemptService;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The facts the reports read are written by the steps that make them, and filled in once for rows
 * from before; the report API refuses bad periods with a problem naming the field and answers CSV.
 */
@CallbackLadderTest
class ReportFactsTest {

  @Autowired IntakeService intake;
  @Autowired AttemptService attempts;
  @Autowired CallbackRequestRepository requests;
  @Autowired ReportFactsBackfill backfill;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void theStepsWriteTheFactsAsTheyHappen() {
    clock.set(Instant.parse("2026-12-02T04:30:00Z")); // Tuesday 23:30 in New York, Wednesday in UTC
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "APPOINTMENT_REQUEST", "Pat Facts", Phones.next()))
        .request();
    assertThat(requests.getRequired(request.getId()).getReceivedOn()).isEqualTo(LocalDate.parse("2026-12-01"));

    clock.set(Instant.parse("2026-12-02T13:30:00Z")); // Wednesday 08:30: nine hours later, the patient's morning
    attempts.document(request.getId(), 1, "casey", AttemptReport.of("NO_ANSWER", null, null));
    clock.set(Instant.parse("2026-12-02T20:00:00Z")); // 15:00, their afternoon
    attempts.document(request.getId(), 2, "casey", AttemptReport.of("REACHED", "BOOKED", null));

    CallbackRequest facts = requests.getRequired(request.getId());
    assertThat(facts.getFirstAttemptSeconds()).isEqualTo(9 * 3600);
    assertThat(facts.getFirstAttemptBy()).isEqualTo("casey");
    assertThat(facts.getReachedAt()).isEqualTo(Instant.parse("2026-12-02T20:00:00Z"));
    assertThat(jdbc.queryForList("select day_part from call_attempt where callback_request_id = ? order by attempt_number",
        String.class, request.getId())).containsExactly("morning", "afternoon");
  }

  @Test
  void rowsFromBeforeTheFactsAreFilledInOnce() throws Exception {
    CallbackRequest request = intake.receive(Ladder.request("VOICEMAIL", "GENERAL", "Pat Before", Phones.next())).request();
    clock.advance(Duration.ofMinutes(25)); // 09:25, their morning
    attempts.document(request.getId(), 1, "casey", AttemptReport.of("DECLINED", null, null));
    UUID id = request.getId();
    jdbc.update("update callback_request set received_on = null, first_attempt_seconds = null, first_attempt_by = null,"
        + " reached_at = null where id = ?", id);
    jdbc.update("update call_attempt set day_part = null where callback_request_id = ?", id);

    try (Connection connection = dataSource.getConnection()) {
      backfill.migrate(new Context() {
        @Override
        public Configuration getConfiguration() {
          return null;
        }

        @Override
        public Connection getConnection() {
          return connection;
        }
      });
    }

    Map<String, Object> row = jdbc.queryForMap(
        "select received_on, first_attempt_seconds, first_attempt_by, reached_at from callback_request where id = ?", id);
    assertThat(row.get("received_on").toString()).isEqualTo("2026-12-01");
    assertThat(row.get("first_attempt_seconds")).isEqualTo(25 * 60);
    assertThat(row.get("first_attempt_by")).isEqualTo("casey");
    assertThat(row.get("reached_at")).as("someone spoke with the patient, who declined").isNotNull();
    assertThat(jdbc.queryForObject("select day_part from call_attempt where callback_request_id = ?", String.class, id))
        .isEqualTo("morning");
  }

  @Test
  void aBadPeriodIsAProblemNamingTheField() {
    ResponseEntity<JsonNode> backwards = http.withBasicAuth("manager", "demo")
        .getForEntity("/api/reports/summary?from=2026-12-07&to=2026-12-01", JsonNode.class);
    assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(backwards.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(backwards.getBody().toString()).contains("\"to\"", "not-before-from");

    ResponseEntity<JsonNode> missing = http.withBasicAuth("manager", "demo")
        .getForEntity("/api/reports/compare?beforeFrom=2026-12-01&beforeTo=tuesday&afterFrom=2026-12-08&groupBy=patient",
            JsonNode.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody().toString()).contains("beforeTo", "afterTo", "groupBy");
  }

  @Test
  void theFiguresComeAsCsvOnAskingOrByTheirCsvAddress() {
    clock.set(Instant.parse("2025-09-16T13:00:00Z")); // a Tuesday morning of its own in New York, before the others' days
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Pat Csv", Phones.next())).request();
    attempts.document(request.getId(), 1, "casey", AttemptReport.of("NO_ANSWER", null, null));
    HttpHeaders csv = new HttpHeaders();
    csv.set("Accept", "text/csv");
    ResponseEntity<String> asked = http.withBasicAuth("manager", "demo").exchange(
        "/api/reports/summary?from=2025-09-16&to=2025-09-16&groupBy=channel", HttpMethod.GET, new HttpEntity<>(csv),
        String.class);
    ResponseEntity<String> file = http.withBasicAuth("manager", "demo")
        .getForEntity("/api/reports/summary.csv?from=2025-09-16&to=2025-09-16&groupBy=channel", String.class);

    for (ResponseEntity<String> answer : new ResponseEntity[] {asked, file}) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
      assertThat(answer.getBody()).startsWith("group,figure,value\r\n")
          .contains("\r\nall,requests.received,1\r\n", "\r\nall,requests.firstAttempt.medianMinutes,0.0\r\n",
              "\r\nall,attempts.byDayPart.morning.made,1\r\n", "\r\nWEB_FORM,requests.received,1\r\n",
              "\r\nall,requests.reachRate,0.0\r\n", "\r\nall,escalations.medianMinutesToAcceptance,\r\n",
              "\r\nall,daily.2025-09-16.WEB_FORM,1\r\n");
    }
    assertThat(http.withBasicAuth("manager", "demo").getForEntity("/api/reports/unresolved.csv", String.class).getBody())
        .startsWith("id,received_at,age_hours,channel,reason,queue,clinically_flagged,attempts,next_step,next_step_at\r\n")
        .doesNotContain("Pat ");
  }

  @Test
  void theOpenRequestsWithTheirNextStepsAndNoPatientData() {
    CallbackRequest request = intake.receive(Ladder.request("VOICEMAIL", "APPOINTMENT_REQUEST", "Pat Open", Phones.next()))
        .request();
    clock.advance(Duration.ofMinutes(90));

    JsonNode unresolved = http.withBasicAuth("manager", "demo").getForObject("/api/reports/unresolved", JsonNode.class);

    assertThat(unresolved.get("count").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from open_callback", Long.class));
    assertThat(unresolved.get("oldestAgeHours").asDouble()).isGreaterThanOrEqualTo(1.5);
    assertThat(unresolved.get("byNextStep").get("Call patient").asLong()).isPositive();
    JsonNode listed = null;
    for (JsonNode open : unresolved.get("requests")) {
      if (open.get("id").asText().equals(request.getId().toString())) {
        listed = open;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("nextStep").asText()).isEqualTo("Call patient");
    assertThat(listed.get("ageHours").asDouble()).isEqualTo(1.5);
    assertThat(listed.get("attempts").asInt()).isZero();
    assertThat(listed.get("queue").asText()).isEqualTo("callback-coordinators");
    assertThat(unresolved.toString()).doesNotContain("Pat Open").doesNotContain(request.getPatientPhone());
  }

  @Test
  void everyReadIsAudited() {
    long before = jdbc.queryForObject("select count(*) from audit_event where action = 'REPORT_READ'", Long.class);

    http.withBasicAuth("manager", "demo").getForEntity("/api/reports/unresolved", JsonNode.class);
    http.withBasicAuth("manager", "demo").getForEntity("/api/reports/summary?from=2026-12-01&to=2026-12-07", JsonNode.class);

    assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REPORT_READ'", Long.class))
        .isEqualTo(before + 2);
    assertThat(jdbc.queryForList("select detail from audit_event where action = 'REPORT_READ' and actor = 'manager'",
        String.class)).contains("unresolved requests", "summary 2026-12-01..2026-12-07");
  }
}
