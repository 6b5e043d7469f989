package org.callbackladder.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.callbackladder.CallbackProcess;
import org.callbackladder.access.ApiTokens;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.Channel;
import org.callbackladder.request.Reason;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
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
  @Autowired TestClock clock;
  @Autowired TaskService tasks;
  @Autowired ApiTokens tokens;

  static final String VALID = """
      {"channel": "WEB_FORM", "reason": "APPOINTMENT_REQUEST",
       "patient": {"name": "Jordan Example", "phone": "%s"},
       "message": "Checkup please", "preferredTimes": "after 3pm", "externalId": "%s"}""";

  /** A valid request from a patient of its own. */
  static String valid(String externalId) {
    return VALID.formatted(Phones.next(), externalId);
  }

  @BeforeEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
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
    assertThat(shown.get("patient").get("phone").asText()).startsWith("+1212555");
    assertThat(shown.get("receivedAt").asText()).isEqualTo("2026-12-01T14:00:00Z");
    assertThat(shown.get("processInstanceId").asText()).isEqualTo(receipt.get("processInstanceId").asText());
    assertThat(shown.get("attempts")).isEmpty();
    assertThat(shown.get("patient").get("timeZone").asText()).isEqualTo("America/New_York");
    assertThat(shown.get("nextAttempt").get("at").asText()).isEqualTo("2026-12-01T14:00:00Z");
    assertThat(shown.get("nextAttempt").get("why").asText()).startsWith("the first attempt");
  }

  @Test
  void aReferralKeepsWhoReferredAndTheConsentAnswers() {
    ResponseEntity<JsonNode> created = post("referrals", """
        {"channel": "REFERRAL", "reason": "REFERRAL_QUESTION",
         "patient": {"name": "Kim Osei", "phone": "%s", "email": "kim@example.org"},
         "referral": {"practiceName": "Northside Cardiology", "contact": "Dr. Amara, (555) 010-0199", "recordsReceived": false},
         "consent": {"text": true, "voicemail": true, "email": false}}""".formatted(Phones.next()));

    JsonNode shown = get("manager", "/api/callbacks/" + created.getBody().get("id").asText()).getBody();

    assertThat(created.getBody().get("queue").asText()).isEqualTo("referral-coordinators");
    assertThat(shown.get("referral").get("practiceName").asText()).isEqualTo("Northside Cardiology");
    assertThat(shown.get("referral").get("recordsReceived").asBoolean()).isFalse();
    assertThat(shown.get("consent").get("text").asBoolean()).isTrue();
    assertThat(shown.get("consent").get("email").asBoolean()).isFalse();
    assertThat(shown.get("patient").get("phoneType").asText()).isIn("FIXED_LINE_OR_MOBILE", "MOBILE", "FIXED_LINE");
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
        "not an email        | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\",\"patient\":{\"name\":\"A\",\"phone\":\"+14155550100\",\"email\":\"a@b\"}} | patient.email | email",
        "future birth date   | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\",\"patient\":{\"name\":\"A\",\"phone\":\"+14155550100\",\"dateOfBirth\":\"2030-01-01\"}} | patient.dateOfBirth | range",
        "not a date          | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\",\"patient\":{\"name\":\"A\",\"phone\":\"+14155550100\",\"dateOfBirth\":\"29/02/1984\"}} | patient.dateOfBirth | date",
        "not a language      | {\"channel\":\"WEB_FORM\",\"reason\":\"GENERAL\",\"patient\":{\"name\":\"A\",\"phone\":\"+14155550100\",\"preferredLanguage\":\"!!\"}} | patient.preferredLanguage | language-tag",
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
  void aRepeatSignalIsMergedAndTheRequestIsFoundByPhoneInAnyFormat() {
    String phone = Phones.next();
    ResponseEntity<JsonNode> first = post("coordinator", """
        {"channel": "MISSED_CALL", "reason": "GENERAL", "patient": {"name": "Drew Patel", "phone": "%s",
         "email": "drew@example.org", "preferredLanguage": "es-MX", "dateOfBirth": "1984-02-29"},
         "consent": {"text": true, "voicemail": false}}""".formatted(phone));
    ResponseEntity<JsonNode> again = post("coordinator", """
        {"channel": "VOICEMAIL", "reason": "APPOINTMENT_REQUEST", "patient": {"name": "Drew Patel", "phone": "%s"},
         "message": "Calling back about a visit"}""".formatted(Phones.national(phone)));

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("merged").asBoolean()).isTrue();
    String id = first.getBody().get("id").asText();
    assertThat(again.getBody().get("id").asText()).isEqualTo(id);

    JsonNode shown = get("manager", "/api/callbacks/" + id).getBody();
    assertThat(shown.get("signals").findValuesAsText("channel")).containsExactly("MISSED_CALL", "VOICEMAIL");
    assertThat(shown.get("signals").get(1).get("merged").asBoolean()).isTrue();
    assertThat(shown.get("patient").get("preferredLanguage").asText()).isEqualTo("es-MX");
    assertThat(shown.get("patient").get("dateOfBirth").asText()).isEqualTo("1984-02-29");

    JsonNode found = get("manager", "/api/callbacks?phone=212.555." + phone.substring(8) + "&status=OPEN").getBody();
    assertThat(found.get("totalItems").asInt()).isEqualTo(1);
    assertThat(found.get("items").get(0).get("id").asText()).isEqualTo(id);
    assertThat(found.get("items").get(0).get("signals").findValuesAsText("channel")).containsExactly("MISSED_CALL", "VOICEMAIL");
    JsonNode byChannel = get("manager", "/api/callbacks?channel=VOICEMAIL&size=100").getBody();
    assertThat(byChannel.get("items").findValuesAsText("id")).contains(id);
    assertThat(get("manager", "/api/callbacks?phone=" + phone + "&status=CLOSED").getBody().get("totalItems").asInt()).isZero();
  }

  @Test
  void searchResultsComeNewestFirstInPages() {
    // later than any request the other tests in this database make
    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(java.time.Duration.ofDays(30)));
    post("coordinator", valid("page-1"));
    clock.advance(java.time.Duration.ofMinutes(5));
    ResponseEntity<JsonNode> newest = post("coordinator", valid("page-2"));

    JsonNode page = get("manager", "/api/callbacks?size=1").getBody();

    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(newest.getBody().get("id").asText());
    assertThat(page.get("totalItems").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(page.get("totalPages").asInt()).isEqualTo(page.get("totalItems").asInt());
  }

  @Test
  void eachQueueReadsAndFindsItsOwnRequestsAndTheOnesItCalled() {
    String general = Phones.next();
    String referral = Phones.next();
    String generalId = post("manager", """
        {"channel": "WEB_FORM", "reason": "GENERAL", "patient": {"name": "Gen Queue", "phone": "%s"}}""".formatted(general))
        .getBody().get("id").asText();
    JsonNode referralReceipt = post("manager", """
        {"channel": "WEB_FORM", "reason": "REFERRAL_QUESTION", "patient": {"name": "Ref Queue", "phone": "%s"}}"""
        .formatted(referral)).getBody();
    String referralId = referralReceipt.get("id").asText();

    assertThat(get("coordinator", "/api/callbacks/" + generalId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("coordinator", "/api/callbacks/" + referralId).getStatusCode()).as("another queue's: as if unknown")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("coordinator", "/api/callbacks?phone=" + referral).getBody().get("totalItems").asInt()).isZero();
    assertThat(get("referrals", "/api/callbacks?phone=" + referral).getBody().get("totalItems").asInt()).isEqualTo(1);
    assertThat(get("referrals", "/api/callbacks?phone=" + general).getBody().get("totalItems").asInt()).isZero();
    assertThat(get("clinician", "/api/callbacks/" + generalId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("manager", "/api/callbacks?phone=" + referral).getBody().get("totalItems").asInt()).isEqualTo(1);

    // a coordinator who made a call on a request reads it afterwards, whichever queue it is in now
    var call = tasks.createTaskQuery().processInstanceId(referralReceipt.get("processInstanceId").asText()).singleResult();
    tasks.claim(call.getId(), "coordinator");
    tasks.complete(call.getId(), Map.of("attemptOutcome", "NO_ANSWER"));
    assertThat(get("coordinator", "/api/callbacks/" + referralId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("coordinator", "/api/callbacks?phone=" + referral).getBody().get("totalItems").asInt()).isEqualTo(1);
  }

  @Test
  void handingInAKnownNumberTellsOnlyThoseWhoMayReadTheRequestWhereItIs() {
    String phone = Phones.next();
    String body = """
        {"channel": "WEB_FORM", "reason": "REFERRAL_QUESTION", "patient": {"name": "Kno Wn", "phone": "%s"}}""".formatted(phone);
    JsonNode first = post("manager", body).getBody();

    ResponseEntity<JsonNode> byOperations = post("operations", body);
    ResponseEntity<JsonNode> byAnotherQueue = post("coordinator", body);
    ResponseEntity<JsonNode> byItsQueue = post("referrals", body);
    ResponseEntity<JsonNode> returnCallByAnIntegration = bearerPost(intakeToken(), """
        {"channel": "PHONE_CALL", "reason": "GENERAL", "patient": {"phone": "%s"}, "returnCall": true}""".formatted(phone));

    assertThat(byOperations.getStatusCode()).as("operations hand in nothing").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byAnotherQueue.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(byAnotherQueue.getBody()).hasToString("{\"received\":true,\"screening\":\"NONE\"}");
    assertThat(byItsQueue.getBody().get("id").asText()).isEqualTo(first.get("id").asText());
    assertThat(byItsQueue.getBody().get("queue").asText()).isEqualTo("referral-coordinators");
    assertThat(returnCallByAnIntegration.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(returnCallByAnIntegration.getBody().get("errors").findValuesAsText("field")).containsExactly("returnCall");
    assertThat(tasks.createTaskQuery().processInstanceId(first.get("processInstanceId").asText())
        .taskDefinitionKey(CallbackProcess.TASK_PATIENT_RETURNED_CALL).count()).isZero();
  }

  @Test
  void aWebsiteFormWithAnEmergencyIsToldSoAtOnceAndTheRequestShowsItsClinicalTimeline() {
    ResponseEntity<JsonNode> received = bearerPost(intakeToken(), """
        {"channel": "WEB_FORM", "reason": "APPOINTMENT_REQUEST", "patient": {"name": "Em Ergency", "phone": "%s"},
         "message": "My son took too many pills, what do I do"}""".formatted(Phones.next()));

    assertThat(received.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(received.getBody()).hasToString("{\"received\":true,\"screening\":\"EMERGENCY\"}");
    CallbackRequest stored = requests.findAll().stream()
        .filter(r -> "Em Ergency".equals(r.getPatientName())).findFirst().orElseThrow();
    JsonNode shown = get("manager", "/api/callbacks/" + stored.getId()).getBody();
    assertThat(shown.get("status").asText()).isEqualTo("ESCALATED");
    assertThat(shown.get("screening").get("level").asText()).isEqualTo("EMERGENCY");
    assertThat(shown.get("screening").get("matchedRule").asText()).isEqualTo("overdose or poisoning");
    assertThat(shown.get("clinicalTimeline")).singleElement().satisfies(step -> {
      assertThat(step.get("kind").asText()).isEqualTo("URGENT_CALLBACK");
      assertThat(step.get("raisedBy").asText()).isEqualTo("INTAKE");
      assertThat(step.get("createdAt").asText()).isEqualTo("2026-12-01T14:00:00Z");
      assertThat(step.get("dueAt").asText()).isEqualTo("2026-12-01T14:15:00Z");
      assertThat(step.get("claimedAt").isNull()).isTrue();
    });
    assertThat(get("clinician", "/api/callbacks/" + stored.getId()).getStatusCode()).as("licensed staff read it").isEqualTo(HttpStatus.OK);
    assertThat(get("coordinator", "/api/callbacks/" + stored.getId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> byStaff = post("manager", """
        {"channel": "PORTAL_MESSAGE", "reason": "GENERAL", "patient": {"name": "Ra Sh", "phone": "%s"},
         "message": "new rash on my arm, should I come in?"}""".formatted(Phones.next()));
    assertThat(byStaff.getBody().get("screening").asText()).isEqualTo("CLINICAL");
    assertThat(byStaff.getBody().get("status").asText()).isEqualTo("ESCALATED");
  }

  @Test
  void aCoordinatorSeesThatTheirQueuesRequestWasFlaggedButNotTheRuleThatMatched() {
    String phone = Phones.next();
    JsonNode first = post("coordinator", """
        {"channel": "WEB_FORM", "reason": "GENERAL", "patient": {"name": "Flag Ged", "phone": "%s"}}""".formatted(phone)).getBody();
    post("manager", """
        {"channel": "TEXT_MESSAGE", "reason": "GENERAL", "patient": {"phone": "%s"},
         "message": "my husband is having a seizure right now"}""".formatted(phone));

    JsonNode byCoordinator = get("coordinator", "/api/callbacks/" + first.get("id").asText()).getBody();
    JsonNode byManager = get("manager", "/api/callbacks/" + first.get("id").asText()).getBody();
    assertThat(byCoordinator.get("status").asText()).isEqualTo("ESCALATED");
    assertThat(byCoordinator.get("screening").get("level").asText()).isEqualTo("EMERGENCY");
    assertThat(byCoordinator.get("screening").get("matchedRule").isNull()).isTrue();
    assertThat(byCoordinator.get("clinicalTimeline").get(0).get("matchedRule").isNull()).isTrue();
    assertThat(byManager.get("screening").get("matchedRule").asText()).isEqualTo("seizure happening or just happened");
    assertThat(byManager.get("clinicalTimeline").get(0).get("matchedRule").asText()).isEqualTo("seizure happening or just happened");
  }

  @Test
  void anIdempotencyKeyBelongsToTheClientThatSentIt() {
    String body = valid(null).replace("\"externalId\": \"null\"", "\"externalId\": null");
    HttpHeaders headers = json();
    headers.set("Idempotency-Key", "shared-key-1");
    ResponseEntity<JsonNode> mine = http.withBasicAuth("coordinator", "demo")
        .exchange("/api/callbacks", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    String other = valid(null).replace("\"externalId\": \"null\"", "\"externalId\": null");
    ResponseEntity<JsonNode> theirs = http.withBasicAuth("manager", "demo")
        .exchange("/api/callbacks", HttpMethod.POST, new HttpEntity<>(other, headers), JsonNode.class);

    assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(theirs.getStatusCode()).as("a new request, not the coordinator's").isEqualTo(HttpStatus.CREATED);
    assertThat(theirs.getBody().get("id").asText()).isNotEqualTo(mine.getBody().get("id").asText());
  }

  @Test
  void badSearchParametersAreA400NamingEach() {
    ResponseEntity<JsonNode> answer = get("manager", "/api/callbacks?phone=12&status=LOST&channel=FAX&size=500&page=-1");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("phone", "status", "channel", "size", "page");
  }

  @Test
  void theApiIsDescribedInOpenApi() {
    JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);

    assertThat(docs.get("paths").fieldNames()).toIterable().contains(
        "/api/callbacks", "/api/callbacks/{id}", "/webhooks/twilio/voice/status", "/webhooks/twilio/voice/recording",
        "/webhooks/twilio/sms", "/webhooks/phone-system");
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(docs.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(docs.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
    assertThat(docs.at("/paths/~1api~1callbacks/post/tags/0").asText()).isEqualTo("Callbacks");
    assertThat(docs.at("/paths/~1api~1reports~1summary/get/tags/0").asText()).isEqualTo("Reports");
    assertThat(docs.get("paths").has("/dashboard")).as("a page, not an API").isFalse();
    JsonNode request = docs.at("/components/schemas/NewCallbackRequest");
    assertThat(StreamSupport.stream(request.get("required").spliterator(), false).map(JsonNode::asText))
        .containsExactlyInAnyOrder("channel", "reason", "patient");
    assertThat(StreamSupport.stream(request.at("/properties/channel/enum").spliterator(), false).map(JsonNode::asText))
        .as("the documented channels are the product's").containsExactlyElementsOf(
            Arrays.stream(Channel.values()).map(Enum::name).toList());
    assertThat(StreamSupport.stream(request.at("/properties/reason/enum").spliterator(), false).map(JsonNode::asText))
        .containsExactlyElementsOf(Arrays.stream(Reason.values()).map(Enum::name).toList());

    // "Try it out" with the documented examples takes in a request
    JsonNode patient = docs.at("/components/schemas/Patient/properties");
    Map<String, Object> example = Map.of(
        "channel", request.at("/properties/channel/example").asText(),
        "reason", request.at("/properties/reason/example").asText(),
        "message", request.at("/properties/message/example").asText(),
        "patient", Map.of("name", patient.at("/name/example").asText(), "phone", patient.at("/phone/example").asText()));
    assertThat(http.withBasicAuth("coordinator", "demo").postForEntity("/api/callbacks", example, JsonNode.class)
        .getStatusCode().is2xxSuccessful()).isTrue();
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
    assertThat(http.withBasicAuth("clinician", "demo").getForEntity("/api/callbacks?size=1", String.class).getStatusCode())
        .as("someone else's wrong password does not lock the user out").isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("operations", "demo").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<JsonNode> post(String user, String body) {
    return http.withBasicAuth(user, "demo")
        .exchange("/api/callbacks", HttpMethod.POST, new HttpEntity<>(body, json()), JsonNode.class);
  }

  /** An INTAKE token acting as a coordinator: an integration, whoever its user. */
  private String intakeToken() {
    return tokens.issue(new ApiTokens.Request("Intake test", "coordinator", "INTAKE", 1), "admin").secret();
  }

  private ResponseEntity<JsonNode> bearerPost(String token, String body) {
    HttpHeaders headers = json();
    headers.setBearerAuth(token);
    return http.exchange("/api/callbacks", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
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
