package org.callbackladder.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.support.Phones;
import org.callbackladder.support.CallbackLadderTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /api/callbacks over HTTP: authentication, validation as problem+json, nothing half-stored. */
@CallbackLadderTest
class CallbackApiTest {

  @Autowired TestRestTemplate http;
  @Autowired CallbackRequestRepository requests;
  @Autowired RuntimeService runtime;
  @Autowired CallbackSignalRepository signals;

  static final String VALID = """
      {"channel": "WEB_FORM", "reason": "APPOINTMENT_REQUEST",
       "patient": {"name": "Jordan Example", "phone": "%s"},
       "message": "Checkup please", "preferredTimes": "after 3pm", "externalId": "%s"}""";

  /** A valid request from a patient of its own. */
  static String valid(String externalId) {
    return VALID.formatted(Phones.next(), externalId);
  }

  @Test
  void aValidRequestIsStoredRoutedAndShown() {
    ResponseEntity<JsonNode> created = post("coordinator", valid("web-form-4711"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = created.getBody();
    assertThat(receipt.get("status").asText()).isEqualTo("OPEN");
    assertThat(receipt.get("queue").asText()).isEqualTo("callback-coordinators");
    assertThat(receipt.get("firstAttemptDueAt").asText()).isEqualTo("2026-12-01T18:00:00Z");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/callbacks/" + receipt.get("id").asText());

    JsonNode shown = get("manager", "/api/callbacks/" + receipt.get("id").asText()).getBody();
    assertThat(shown.get("status").asText()).isEqualTo("OPEN");
    assertThat(shown.get("patient").get("phone").asText()).startsWith("+1415555");
    assertThat(shown.get("receivedAt").asText()).isEqualTo("2026-12-01T14:00:00Z");
    assertThat(shown.get("processInstanceId").asText()).isEqualTo(receipt.get("processInstanceId").asText());
    assertThat(shown.get("attempts")).isEmpty();
  }

  @Test
  void theSameExternalIdTwiceAnswersAsTheFirstTimeAndStoresNothingNew() {
    String body = valid("portal-msg-1");
    ResponseEntity<JsonNode> first = post("coordinator", body);
    long requestsBefore = requests.count();
    long signalsBefore = signals.count();

    ResponseEntity<JsonNode> again = post("coordinator", body);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    assertThat(requests.count()).isEqualTo(requestsBefore);
    assertThat(signals.count()).isEqualTo(signalsBefore);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown channel     | {\"channel\":\"FAX\",\"reason\":\"GENERAL\",\"patient\":{\"name\":\"A\",\"phone\":\"+14155550100\"}} | channel | one-of",
        "missing reason      | {\"channel\":\"WEB_FORM\",\"patient\":{\"name\":\"A\",\"phone\":\"+14155550100\"}} | reason | required",
        "no patient          | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\"} | patient | required",
        "blank name          | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\",\"patient\":{\"name\":\"  \",\"phone\":\"+14155550100\"}} | patient.name | required",
        "not a phone number  | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\",\"patient\":{\"name\":\"A\",\"phone\":\"call me\"}} | patient.phone | phone-number",
        "too short a number  | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\",\"patient\":{\"name\":\"A\",\"phone\":\"555-01\"}} | patient.phone | phone-number",
        "patient as a string | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\",\"patient\":\"A\"} | patient | type",
      })
  void invalidInputIsA400NamingTheFieldAndStoresNothing(String title, String body, String field, String rule) {
    long requestsBefore = requests.count();
    long laddersBefore = runtime.createProcessInstanceQuery().count();

    ResponseEntity<JsonNode> answer = post("coordinator", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().get("errors").findValuesAsText("field")).contains(field);
    assertThat(answer.getBody().get("errors").findValuesAsText("rule")).contains(rule);
    assertThat(requests.count()).isEqualTo(requestsBefore);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(laddersBefore);
  }

  @Test
  void aMessageLongerThan4000CharactersIsRefused() {
    String body = valid("long-1").replace("Checkup please", "x".repeat(4001));

    ResponseEntity<JsonNode> answer = post("coordinator", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("errors").findValuesAsText("rule")).containsExactly("max-length");
  }

  @Test
  void brokenJsonIsA400Problem() {
    ResponseEntity<JsonNode> answer = post("coordinator", "{\"channel\": ");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void anUnknownOrMalformedIdIsAProblem() {
    assertThat(get("manager", "/api/callbacks/00000000-0000-0000-0000-000000000000").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> malformed = get("manager", "/api/callbacks/not-a-uuid");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().get("errors").findValuesAsText("field")).containsExactly("id");
  }

  @Test
  void theApiAndEngineRestNeedAKnownUserAndPassword() {
    long before = requests.count();
    // a wrong password locks the user for a few seconds: use one no other test signs in as
    for (String user : List.of("", "clinician:wrong", "nobody:demo")) {
      HttpHeaders headers = json();
      if (!user.isEmpty()) {
        String[] parts = user.split(":");
        headers.setBasicAuth(parts[0], parts[1]);
      }
      ResponseEntity<String> post = http.exchange("/api/callbacks", HttpMethod.POST,
          new HttpEntity<>(valid("auth-" + user.hashCode()), headers), String.class);
      ResponseEntity<String> engineRest = http.exchange("/engine-rest/task", HttpMethod.GET,
          new HttpEntity<>(headers), String.class);

      assertThat(post.getStatusCode()).as(user).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(post.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(engineRest.getStatusCode()).as(user).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(requests.count()).isEqualTo(before);
    assertThat(http.withBasicAuth("operations", "demo").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<JsonNode> post(String user, String body) {
    return http.withBasicAuth(user, "demo")
        .exchange("/api/callbacks", HttpMethod.POST, new HttpEntity<>(body, json()), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
