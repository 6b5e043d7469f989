package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Integrations sign in with API tokens that administrators issue; only a hash of each token is kept. */
@CallbackLadderTest
class ApiTokenTest {

  static final String INTEGRATION_USER = "web-forms";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;

  @BeforeEach
  void integrationUser() {
    if (identity.createUserQuery().userId(INTEGRATION_USER).count() == 0) {
      User user = identity.newUser(INTEGRATION_USER);
      user.setPassword("not-used-by-the-integration");
      identity.saveUser(user);
    }
  }

  @Test
  void anIntakeTokenHandsInRequestsAndNothingElse() {
    JsonNode issued = issue(Map.of("name", "Website contact form", "userId", INTEGRATION_USER)).getBody();
    String token = issued.get("token").asText();

    String phone = Phones.next();
    ResponseEntity<JsonNode> created = bearer(token, HttpMethod.POST, "/api/callbacks", Map.of(
        "channel", "WEB_FORM", "reason", "GENERAL", "patient", Map.of("name", "Tok En", "phone", phone)));
    String id = jdbc.queryForObject("select id from callback_request where patient_phone = ?", UUID.class, phone).toString();
    ResponseEntity<JsonNode> read = bearer(token, HttpMethod.GET, "/api/callbacks/" + id, null);
    ResponseEntity<JsonNode> engine = bearer(token, HttpMethod.GET, "/engine-rest/task", null);

    assertThat(token).startsWith("clt_").hasSizeGreaterThan(40);
    assertThat(issued.get("details").get("scope").asText()).isEqualTo("INTAKE");
    assertThat(created.getStatusCode()).as("an integration learns nothing of where the request went")
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.queryForObject("select actor from audit_event where callback_request_id = ? and action = 'CREATED'",
        String.class, UUID.fromString(id))).isEqualTo(INTEGRATION_USER);
  }

  @Test
  void aFullTokenActsAsItsUserInTheApiAndEngineRest() {
    String token = issue(Map.of("name", "Practice dashboard", "userId", "coordinator", "scope", "FULL")).getBody()
        .get("token").asText();

    ResponseEntity<JsonNode> search = bearer(token, HttpMethod.GET, "/api/callbacks?status=OPEN", null);
    ResponseEntity<JsonNode> tasks = bearer(token, HttpMethod.GET, "/engine-rest/task?candidateGroup=clinical-team", null);
    ResponseEntity<JsonNode> audit = bearer(token, HttpMethod.GET, "/api/audit", null);

    assertThat(search.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks.getBody()).as("a coordinator's token sees no clinical tasks").isEmpty();
    assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void onlyAHashIsStoredAndTheTokenIsNeverShownAgain() {
    JsonNode issued = issue(Map.of("name", "Referral inbox", "userId", INTEGRATION_USER)).getBody();
    String token = issued.get("token").asText();
    String id = issued.get("details").get("id").asText();

    Map<String, Object> row = jdbc.queryForMap("select * from api_token where id = ?", UUID.fromString(id));
    ResponseEntity<String> listed = http.withBasicAuth("admin", "test-admin-password").getForEntity("/api/tokens", String.class);

    assertThat(row.get("token_hash")).isEqualTo(ApiTokens.hash(token));
    assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(token.substring(8)));
    assertThat(listed.getBody()).contains(token.substring(0, 8)).doesNotContain(token.substring(8)).doesNotContain(ApiTokens.hash(token));
  }

  @Test
  void revokedExpiredUnknownAndOrphanedTokensAreRefusedAndAudited() {
    String revoked = issue(Map.of("name", "Old portal", "userId", INTEGRATION_USER)).getBody().get("token").asText();
    String revokedId = jdbc.queryForObject("select id from api_token where token_hash = ?", String.class, ApiTokens.hash(revoked));
    String expiring = issue(Map.of("name", "Trial", "userId", INTEGRATION_USER, "validDays", 1)).getBody().get("token").asText();
    Map<String, Object> request = Map.of(
        "channel", "WEB_FORM", "reason", "GENERAL", "patient", Map.of("name", "Late Token", "phone", Phones.next()));

    http.exchange("/api/tokens/" + revokedId, HttpMethod.DELETE,
        new HttpEntity<>(null, basic("admin", "test-admin-password")), JsonNode.class);
    ResponseEntity<JsonNode> afterRevoke = bearer(revoked, HttpMethod.POST, "/api/callbacks", request);
    ResponseEntity<JsonNode> beforeExpiry = bearer(expiring, HttpMethod.GET, "/api/tokens", null);
    clock.advance(Duration.ofDays(2));
    ResponseEntity<JsonNode> afterExpiry;
    try {
      afterExpiry = bearer(expiring, HttpMethod.POST, "/api/callbacks", request);
    } finally {
      clock.set(CallbackLadderTest.TUESDAY_9AM);
    }
    ResponseEntity<JsonNode> unknown = bearer("clt_madeUpTokenThatWasNeverIssued", HttpMethod.POST, "/api/callbacks", request);
    User leaving = identity.newUser("leaving-integration");
    leaving.setPassword("not-used-by-the-integration");
    identity.saveUser(leaving);
    String orphaned = issue(Map.of("name", "Retired fax bridge", "userId", "leaving-integration")).getBody().get("token").asText();
    identity.deleteUser("leaving-integration");
    ResponseEntity<JsonNode> userGone = bearer(orphaned, HttpMethod.POST, "/api/callbacks", request);

    assertThat(afterRevoke.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(beforeExpiry.getStatusCode()).as("valid, but an intake token").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(afterExpiry.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(userGone.getStatusCode()).as("its user was deleted in Admin").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(jdbc.queryForList("select actor from audit_event where action = 'LOGIN_FAILED'", String.class))
        .contains("token " + revoked.substring(0, 8), "token " + expiring.substring(0, 8), "token clt_made");
    assertThat(jdbc.queryForList("select action from audit_event where detail like ?", String.class, revoked.substring(0, 8) + "%"))
        .contains("TOKEN_ISSUED", "TOKEN_REVOKED");
  }

  @Test
  void onlyAdministratorsIssueTokensAndEveryBrokenRuleIsNamed() {
    Integer before = jdbc.queryForObject("select count(*) from api_token", Integer.class);

    ResponseEntity<JsonNode> manager = http.exchange("/api/tokens", HttpMethod.POST,
        new HttpEntity<>(Map.of("name", "Mine", "userId", "manager"), basic("manager", "demo")), JsonNode.class);
    ResponseEntity<JsonNode> invalid = issue(Map.of("userId", "nobody-here", "scope", "EVERYTHING", "validDays", 0));

    assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().get("errors").findValuesAsText("field")).containsExactly("name", "userId", "scope", "validDays");
    assertThat(invalid.getBody().get("errors").findValuesAsText("rule")).containsExactly("required", "exists", "one-of", "range");
    assertThat(jdbc.queryForObject("select count(*) from api_token", Integer.class)).isEqualTo(before);
  }

  private ResponseEntity<JsonNode> issue(Map<String, Object> body) {
    return http.exchange("/api/tokens", HttpMethod.POST, new HttpEntity<>(body, basic("admin", "test-admin-password")), JsonNode.class);
  }

  private ResponseEntity<JsonNode> bearer(String token, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static HttpHeaders basic(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return headers;
  }
}
