package org.callbackladder.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What operations scrape: each meter is there, in Prometheus' format, and follows the ladder. */
@CallbackLadderTest
class LadderMetricsTest {

  @Autowired IntakeService intake;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  @Test
  void prometheusShowsTheLaddersMetersToOperations() {
    double createdBefore = value(scrape(), "callback_intake_total{channel=\"MISSED_CALL\",outcome=\"created\"}");
    String phone = Phones.next();
    intake.receive(Ladder.request("MISSED_CALL", "GENERAL", "Pat Metric", phone));
    intake.receive(Ladder.request("MISSED_CALL", "GENERAL", "Pat Metric", phone));

    String metrics = scrape();

    assertThat(value(metrics, "callback_intake_total{channel=\"MISSED_CALL\",outcome=\"created\"}")).isEqualTo(createdBefore + 1);
    assertThat(value(metrics, "callback_intake_total{channel=\"MISSED_CALL\",outcome=\"merged\"}")).isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "callback_requests_open"))
        .isEqualTo(jdbc.queryForObject("select count(*) from open_callback", Double.class));
    assertThat(metrics).contains("callback_requests_first_attempt_overdue ", "callback_requests_windows_missed_day ",
        "callback_handoffs_waiting ", "callback_incidents_open ", "callback_outbox_failed ",
        "callback_referrals_records_missing ");
  }

  /** The sample Grafana dashboard in docker/ only charts meters the application has. */
  @Test
  void theSampleDashboardChartsOnlyMetersThatExist() throws Exception {
    intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Pat Dashboard", Phones.next()));
    String metrics = scrape();
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("docker/monitoring/grafana-dashboard.json").toFile());
    List<String> charted = new ArrayList<>();
    dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> {
      Matcher meter = Pattern.compile("callback_[a-z_]+").matcher(target.get("expr").asText());
      while (meter.find()) {
        charted.add(meter.group());
      }
    }));

    assertThat(charted).hasSizeGreaterThanOrEqualTo(8);
    assertThat(charted).allSatisfy(meter -> assertThat(metrics).contains("\n" + meter));
  }

  private String scrape() {
    ResponseEntity<String> answer = http.withBasicAuth("operations", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  /** A sample's value, 0 when the series is not there yet. */
  private static double value(String metrics, String series) {
    return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
  }
}
