package org.callbackladder.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.callbackladder.support.Browser;
import org.callbackladder.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reports over a year of a busy practice on PostgreSQL: 1,000,000 closed requests (with their
 * calls) and 2,000 open ones, written straight into the tables with generate_series, then each
 * report the dashboard asks for, timed through the API (and the dashboard itself in Chromium, when
 * the machine has it). Prints a table; run with {@code ./mvnw -Pbenchmark test}. Targets: a month's
 * summary under 1 s, the dashboard's first paint under 2 s. Never part of {@code ./mvnw verify}.
 */
@Tag("benchmark")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "callback.contact.relay.enabled=false",
        "callback.access.admin-password=" + ReportBenchmark.PASSWORD})
@ActiveProfiles("postgres")
@Import(EmbeddedPostgresDatabase.class)
class ReportBenchmark {

  static final String PASSWORD = "benchmark-admin-secret";
  static final int CLOSED = Integer.getInteger("benchmark.requests", 1_000_000);
  static final int OPEN = 2_000;
  static final int RUNS = 5;

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void reportsOverAYearOfRequests() throws Exception {
    long loading = System.nanoTime();
    load();
    double loadSeconds = (System.nanoTime() - loading) / 1e9;
    long calls = jdbc.queryForObject("select count(*) from call_attempt", Long.class);

    ZoneId zone = ZoneId.of("America/New_York");
    YearMonth month = YearMonth.now(zone).minusMonths(1);
    LocalDate today = LocalDate.now(zone);
    String monthQuery = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
    List<String[]> table = new ArrayList<>();
    table.add(time("month summary, overall", "< 1000", () -> get("/api/reports/summary?" + monthQuery)));
    table.add(time("month summary, by coordinator", "< 1000", () -> get("/api/reports/summary?" + monthQuery + "&groupBy=coordinator")));
    table.add(time("month summary, by channel, as CSV", "< 1000", () -> get("/api/reports/summary.csv?" + monthQuery + "&groupBy=channel")));
    table.add(time("one day's summary", "", () -> get("/api/reports/summary?from=" + today + "&to=" + today)));
    table.add(time("two months compared", "", () -> get("/api/reports/compare?beforeFrom=" + month.minusMonths(1).atDay(1)
        + "&beforeTo=" + month.minusMonths(1).atEndOfMonth() + "&afterFrom=" + month.atDay(1) + "&afterTo=" + month.atEndOfMonth())));
    table.add(time("the whole year's summary", "", () -> get("/api/reports/summary?from=" + today.minusDays(364) + "&to=" + today)));
    table.add(time("open requests (" + OPEN + ")", "", () -> get("/api/reports/unresolved")));
    table.add(dashboard());

    StringBuilder printed = new StringBuilder(String.format(Locale.ROOT,
        "%nReport benchmark on PostgreSQL %s: %,d closed and %,d open requests, %,d calls (loaded in %.0f s); %d runs each%n",
        jdbc.queryForObject("show server_version", String.class), CLOSED, OPEN, calls, loadSeconds, RUNS));
    printed.append(String.format("| %-42s | %9s | %9s | %8s |%n", "report", "median ms", "max ms", "target"));
    printed.append("|").append("-".repeat(44)).append("|").append("-".repeat(11)).append("|").append("-".repeat(11))
        .append("|").append("-".repeat(10)).append("|\n");
    table.forEach(row -> printed.append(String.format("| %-42s | %9s | %9s | %8s |%n", (Object[]) row)));
    System.out.println(printed);
    Files.writeString(Path.of("target/report-benchmark.md"), printed.toString());
  }

  /** A year of requests up to today, one every 31.5 seconds; a third reached on a second call; 2,000 still open. */
  private void load() {
    jdbc.execute("insert into callback_request (id, channel, reason, patient_name, patient_phone, status, queue, priority,"
        + " response_window, received_at, received_on, first_attempt_due_at, first_attempt_at, first_attempt_seconds,"
        + " first_attempt_by, reached_at,"
        + " closed_at, closure_reason, records_received, version)"
        + " select gen_random_uuid(), (array['MISSED_CALL','VOICEMAIL','WEB_FORM','PORTAL_MESSAGE','REFERRAL'])[1 + i % 5],"
        + " (array['APPOINTMENT_REQUEST','NEW_PATIENT_APPOINTMENT','REFERRAL_QUESTION','INSURANCE_QUESTION','GENERAL'])[1 + (i / 5) % 5],"
        + " 'Bench Patient', '+1212555' || lpad((i % 10000)::text, 4, '0'), 'CLOSED',"
        + " (array['callback-coordinators','referral-coordinators'])[1 + i % 2], 50, 'PT4H',"
        + " t, (t at time zone 'America/New_York')::date, t + interval '4 hours', t + (i % 21600) * interval '1 second',"
        + " i % 21600, (array['casey','jordan','riley','sam'])[1 + (i % 21600) % 4], case when i % 3 <> 0 then t + (i % 21600) * interval '1 second' else t + interval '1 day' end,"
        + " t + interval '2 days', (array['BOOKED','ROUTED','RESOLVED','WRONG_NUMBER','DECLINED','UNREACHABLE','BOOKED'])[1 + i % 7],"
        + " true, 0"
        + " from (select i, now() - interval '365 days' + i * interval '31.5 seconds' as t"
        + "   from generate_series(1, " + CLOSED + ") i) s");
    jdbc.execute("insert into call_attempt (callback_request_id, attempt_number, agent, number_dialled, outcome, completed_at, day_part)"
        + " select id, 1, (array['casey','jordan','riley','sam'])[1 + first_attempt_seconds % 4], patient_phone,"
        + " case when reached_at = first_attempt_at then 'REACHED' else 'NO_ANSWER' end, first_attempt_at,"
        + " (array['morning','midday','afternoon','evening'])[1 + first_attempt_seconds % 4] from callback_request");
    jdbc.execute("insert into call_attempt (callback_request_id, attempt_number, agent, number_dialled, outcome, completed_at, day_part)"
        + " select id, 2, 'sam', patient_phone, 'REACHED', reached_at, 'afternoon' from callback_request"
        + " where reached_at > first_attempt_at");
    jdbc.execute("insert into callback_request (id, channel, reason, patient_name, patient_phone, status, queue, received_at,"
        + " received_on, first_attempt_due_at, version)"
        + " select gen_random_uuid(), 'VOICEMAIL', 'GENERAL', 'Bench Patient', '+1646555' || lpad(i::text, 4, '0'), 'OPEN',"
        + " 'callback-coordinators', now() - i * interval '1 minute', (now() at time zone 'America/New_York')::date,"
        + " now() + interval '1 hour', 0 from generate_series(1, " + OPEN + ") i");
    jdbc.execute("insert into open_callback (patient_phone, callback_request_id)"
        + " select patient_phone, id from callback_request where status = 'OPEN'");
    jdbc.execute("analyze");
  }

  private String[] time(String report, String target, Supplier<ResponseEntity<String>> call) {
    assertThat(call.get().getStatusCode()).as(report).isEqualTo(HttpStatus.OK);
    long[] millis = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      call.get();
      millis[run] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    return new String[] {report, String.valueOf(millis[RUNS / 2]), String.valueOf(millis[RUNS - 1]), target};
  }

  /** From "Sign in" to every chart drawn, for the dashboard's default four weeks, in Chromium. */
  private String[] dashboard() throws Exception {
    String report = "dashboard: sign-in to every chart drawn";
    if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
      return new String[] {report, "no Chromium", "", "< 2000"};
    }
    long[] millis = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      Browser browser = Browser.open(port, "benchmark");
      try {
        browser.get("/dashboard");
        browser.type(By.id("user"), "admin");
        browser.type(By.id("password"), PASSWORD);
        long start = System.nanoTime();
        browser.click(By.cssSelector("#sign-in button[type=submit]"));
        browser.wait.until(driver -> DashboardBrowserTest.CHARTS.stream().allMatch(chart -> "true".equals(
            driver.findElement(By.id(chart)).getDomAttribute("data-drawn"))));
        millis[run] = (System.nanoTime() - start) / 1_000_000;
      } finally {
        browser.close();
      }
    }
    Arrays.sort(millis);
    return new String[] {report, String.valueOf(millis[RUNS / 2]), String.valueOf(millis[RUNS - 1]), "< 2000"};
  }

  private ResponseEntity<String> get(String path) {
    return http.withBasicAuth("admin", PASSWORD).getForEntity(path, String.class);
  }
}
