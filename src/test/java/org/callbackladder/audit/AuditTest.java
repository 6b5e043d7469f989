package org.callbackladder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.callbackladder.support.Ladder;
import org.callbackladder.web.Csv;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.WebappLogin;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.repository.Repository;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who saw and changed which request, when and from where; for practice managers to read and export. */
@CallbackLadderTest
class AuditTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @Test
  void everyReadAndChangeOfARequestIsOnItsAuditTrail() {
    String phone = Phones.next();
    JsonNode receipt = http.withBasicAuth("coordinator", "demo").postForObject("/api/callbacks", Map.of(
        "channel", "WEB_FORM", "reason", "GENERAL", "patient", Map.of("name", "Audrey Trail", "phone", phone)), JsonNode.class);
    String id = receipt.get("id").asText();
    http.withBasicAuth("manager", "demo").getForObject("/api/callbacks/" + id, JsonNode.class);
    http.withBasicAuth("coordinator", "demo").getForObject("/api/callbacks?phone=" + phone, JsonNode.class);
    var call = tasks.createTaskQuery().processInstanceId(receipt.get("processInstanceId").asText()).singleResult();
    tasks.claim(call.getId(), "coordinator");
    tasks.complete(call.getId(), Ladder.answers("REACHED", "BOOKED"));

    JsonNode trail = http.withBasicAuth("manager", "demo").getForObject("/api/audit?callbackId=" + id, JsonNode.class);

    assertThat(trail.get("items").findValuesAsText("action"))
        .containsExactly("CREATED", "READ", "LISTED", "ASSIGNED", "ATTEMPT_DOCUMENTED", "CLOSED");
    assertThat(trail.get("items").findValuesAsText("actor")).startsWith("coordinator", "manager", "coordinator");
    assertThat(trail.get("items").get(0).get("source").asText()).isEqualTo("127.0.0.1");
    assertThat(trail.get("items").get(3).get("detail").asText()).isEqualTo("Call patient: coordinator");
    assertThat(trail.get("items").get(5).get("detail").asText()).isEqualTo("BOOKED");
  }

  @Test
  void onlyPracticeManagersReadTheTrail() {
    ResponseEntity<String> coordinator = http.withBasicAuth("coordinator", "demo").getForEntity("/api/audit", String.class);
    ResponseEntity<String> csv = http.withBasicAuth("operations", "demo").getForEntity("/api/audit.csv", String.class);

    assertThat(coordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(coordinator.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theTrailExportsAsCsvAndTheExportIsAudited() {
    JsonNode receipt = http.withBasicAuth("coordinator", "demo").postForObject("/api/callbacks", Map.of(
        "channel", "WEB_FORM", "reason", "GENERAL", "patient", Map.of("name", "Csv Person", "phone", Phones.next())), JsonNode.class);
    String id = receipt.get("id").asText();

    ResponseEntity<String> export = http.withBasicAuth("manager", "demo").getForEntity("/api/audit.csv?callbackId=" + id, String.class);

    assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(export.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(export.getBody()).startsWith("occurred_at,actor,action,callback_request_id,detail,source\r\n")
        .contains(",coordinator,CREATED," + id + ",WEB_FORM GENERAL,127.0.0.1");
    JsonNode trail = http.withBasicAuth("manager", "demo").getForObject("/api/audit?callbackId=" + id, JsonNode.class);
    assertThat(trail.get("items").findValuesAsText("action")).containsExactly("CREATED", "EXPORTED");
    assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
  }

  @Test
  void aFailedApiLoginIsAudited() {
    http.withBasicAuth("mallory", "guess").getForEntity("/api/callbacks/00000000-0000-0000-0000-000000000000", String.class);

    // newest first by the test clock, which other tests move back and forth: the largest page
    JsonNode trail = http.withBasicAuth("manager", "demo").getForObject("/api/audit?size=500", JsonNode.class);

    assertThat(trail.get("items")).anySatisfy(entry -> {
      assertThat(entry.get("action").asText()).isEqualTo("LOGIN_FAILED");
      assertThat(entry.get("actor").asText()).isEqualTo("mallory");
      assertThat(entry.get("source").asText()).as("the client's address").isEqualTo("127.0.0.1");
    });
  }

  @Test
  void handingATaskOverAndReleasingItAreAudited() {
    JsonNode receipt = http.withBasicAuth("coordinator", "demo").postForObject("/api/callbacks", Map.of(
        "channel", "WEB_FORM", "reason", "GENERAL", "patient", Map.of("name", "Hand Over", "phone", Phones.next())), JsonNode.class);
    var call = tasks.createTaskQuery().processInstanceId(receipt.get("processInstanceId").asText()).singleResult();

    ResponseEntity<String> claim = http.withBasicAuth("coordinator", "demo").postForEntity(
        "/engine-rest/task/" + call.getId() + "/claim", Map.of("userId", "coordinator"), String.class);
    tasks.setAssignee(call.getId(), "manager");
    tasks.setAssignee(call.getId(), null);

    JsonNode trail = http.withBasicAuth("manager", "demo")
        .getForObject("/api/audit?callbackId=" + receipt.get("id").asText(), JsonNode.class);
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(trail.get("items").findValuesAsText("detail"))
        .containsSubsequence("Call patient: coordinator", "Call patient: manager", "Call patient: released");
    assertThat(trail.get("items").get(1).get("actor").asText()).as("the engine-rest caller").isEqualTo("coordinator");
    assertThat(history.createUserOperationLogQuery().taskId(call.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).list())
        .as("Camunda's own user-operation log").extracting(UserOperationLogEntry::getUserId).containsExactly("coordinator");
  }

  @Test
  void failedAndRefusedWebappLoginsAreAuditedWithTheUserIdTried() {
    ResponseEntity<JsonNode> login = WebappLogin.login(http, "tasklist", "nobody.at.the.desk", "guess").login();
    ResponseEntity<JsonNode> noAccess = WebappLogin.login(http, "cockpit", "referrals", "demo").login();
    ResponseEntity<String> withoutCsrfToken = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>("username=csrf.less&password=x", formHeaders()), String.class);

    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // newest first by the test clock, which other tests move back and forth: the largest page
    JsonNode trail = http.withBasicAuth("manager", "demo").getForObject("/api/audit?size=500", JsonNode.class);
    assertThat(trail.get("items")).anySatisfy(entry -> {
      assertThat(entry.get("action").asText()).isEqualTo("LOGIN_FAILED");
      assertThat(entry.get("actor").asText()).isEqualTo("nobody.at.the.desk");
      assertThat(entry.get("detail").asText()).isEqualTo("Camunda tasklist login");
    });
    assertThat(noAccess.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(withoutCsrfToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(trail.get("items").findValuesAsText("actor")).as("no password was checked").doesNotContain("csrf.less");
    assertThat(trail.get("items")).anySatisfy(entry -> {
      assertThat(entry.get("actor").asText()).isEqualTo("referrals");
      assertThat(entry.get("detail").asText()).isEqualTo("Camunda cockpit login: no access to cockpit");
    });
  }

  @Test
  void theApplicationCanOnlyAddAndReadAuditRows() {
    assertThat(Arrays.stream(AuditEventRepository.class.getMethods()).map(Method::getName))
        .allMatch(name -> name.equals("save") || name.startsWith("find"));
    assertThat(AuditEventRepository.class.getInterfaces()).containsExactly(Repository.class);
    assertThat(AuditEvent.class).hasAnnotation(Immutable.class);
  }

  private static HttpHeaders formHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return headers;
  }
}
