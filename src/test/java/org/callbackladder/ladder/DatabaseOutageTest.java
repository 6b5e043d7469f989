package org.callbackladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.callbackladder.support.CallbackLadderTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile while its PostgreSQL server stops for a while and comes back: intake
 * answers 503 with Retry-After after a few seconds instead of 500 after the pool's default 30,
 * health says DOWN, everything recovers without a restart, and every request answered 2xx is
 * stored while none answered 503 is.
 */
@Tag("own-application")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "callback.access.admin-password=outage-admin-secret",
        "callback.access.https=false"})
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import({CallbackLadderTest.ClockConfiguration.class, DatabaseOutageTest.RestartableDatabase.class})
class DatabaseOutageTest {

  /** Far above the pool's 3 s connection timeout, far below its 30 s default. */
  static final Duration QUICKLY = Duration.ofSeconds(10);

  @Autowired RestartablePostgres postgres;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aStoppedDatabaseIsA503QuicklyAndNothingIsLost() throws Exception {
    List<String> stored = new ArrayList<>();
    HttpResponse<String> before = intake("+14155550191");
    assertThat(before.statusCode()).isEqualTo(201);
    stored.add("+14155550191");

    postgres.stop();
    Instant asked = Instant.now();
    HttpResponse<String> during = intake("+14155550192");
    Duration intakeTook = Duration.between(asked, Instant.now());
    asked = Instant.now();
    HttpResponse<String> health = get("/actuator/health");
    Duration healthTook = Duration.between(asked, Instant.now());

    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(during.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(during.body()).doesNotContain("Exception").doesNotContain("+14155550192");
    assertThat(intakeTook).isLessThan(QUICKLY);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"DOWN\"");
    assertThat(healthTook).isLessThan(QUICKLY);

    postgres.start();
    // a client that follows Retry-After (sooner here) gets through once the pool has new connections
    HttpResponse<String> after = intake("+14155550193");
    for (int tries = 1; after.statusCode() == 503 && tries < 20; tries++) {
      Thread.sleep(1000);
      after = intake("+14155550193");
    }
    assertThat(after.statusCode()).as("a new request, never half-stored by a refused try: " + after.body()).isEqualTo(201);
    stored.add("+14155550193");
    assertThat(get("/actuator/health").body()).contains("\"UP\"");

    assertThat(jdbc.queryForList("select patient_phone from callback_request", String.class))
        .containsExactlyInAnyOrderElementsOf(stored);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ is not null"
        + " and parent_id_ is null", Long.class)).as("one ladder for each stored request").isEqualTo(stored.size());
  }

  private HttpResponse<String> intake(String phone) throws Exception {
    String body = "{\"channel\": \"WEB_FORM\", \"reason\": \"GENERAL\", \"patient\": {\"name\": \"Outa Ge\", \"phone\": \"" + phone + "\"}}";
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callbacks"))
        .timeout(Duration.ofSeconds(40))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "admin:outage-admin-secret".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(40))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One PostgreSQL server on a fixed port and data directory, which the test stops and starts again. */
  static final class RestartablePostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    RestartablePostgres() throws IOException {
      this.data = Files.createTempDirectory("outage-postgres");
      try (ServerSocket free = new ServerSocket(0)) {
        this.port = free.getLocalPort();
      }
      start();
    }

    void start() throws IOException {
      server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    void stop() throws IOException {
      server.close();
      server = null;
    }

    String jdbcUrl() {
      return server.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
      if (server != null) {
        stop();
      }
    }
  }

  /** The server stops after the pool and the engine; the pool takes the application's settings. */
  @TestConfiguration
  static class RestartableDatabase {

    @Bean(destroyMethod = "close")
    RestartablePostgres restartablePostgres() throws IOException {
      return new RestartablePostgres();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(RestartablePostgres postgres) {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(postgres.jdbcUrl());
      pool.setUsername("postgres");
      return pool;
    }
  }
}
