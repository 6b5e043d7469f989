package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.callbackladder.CallbackProcess;
import org.callbackladder.intake.IntakeResult;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.callbackladder.support.WebappLogin;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** Each role through engine-rest, as Tasklist and Cockpit use it: which tasks it sees, claims and completes. */
@CallbackLadderTest
class RoleMatrixTest {

  @Autowired TestClock clock;
  @Autowired TestRestTemplate http;
  @Autowired IntakeService intake;
  @Autowired ProcessEngine engine;
  @Autowired AccessSetup access;
  @Autowired JdbcTemplate jdbc;

  @Test
  void eachQueueSeesAndWorksOnlyItsOwnTasks() {
    String general = taskOf(intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Gen Eral", Phones.next())));
    String referral = taskOf(intake.receive(Ladder.request("WEB_FORM", "REFERRAL_QUESTION", "Ref Erral", Phones.next())));

    assertThat(sees("coordinator", general)).isTrue();
    assertThat(sees("coordinator", referral)).isFalse();
    assertThat(sees("referrals", referral)).isTrue();
    assertThat(sees("referrals", general)).isFalse();
    assertThat(sees("clinician", general)).isFalse();
    assertThat(sees("manager", general)).isTrue();
    assertThat(sees("manager", referral)).isTrue();
    assertThat(sees("operations", general)).isFalse();

    assertThat(post("operations", "/engine-rest/task/" + general + "/claim", "{\"userId\":\"operations\"}"))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(post("coordinator", "/engine-rest/task/" + referral + "/claim", "{\"userId\":\"coordinator\"}"))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(post("coordinator", "/engine-rest/task/" + general + "/claim", "{\"userId\":\"coordinator\"}"))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("coordinator", "/engine-rest/task/" + general + "/complete",
        "{\"variables\": {\"attemptOutcome\": {\"value\": \"WRONG_NUMBER\"}}}")).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void clinicalTasksAreForTheClinicalTeamAndManagersNeverForCoordinators() {
    IntakeResult flagged = intake.receive(new NewCallbackRequest("VOICEMAIL", "GENERAL",
        new NewCallbackRequest.Patient("Cli Nical", Phones.next()), "my husband has chest pain and cant breathe", null, null));
    String urgent = taskOf(flagged);

    for (String coordinator : List.of("coordinator", "referrals")) {
      assertThat(sees(coordinator, urgent)).as(coordinator + " lists it").isFalse();
      assertThat(http.withBasicAuth(coordinator, "demo").getForObject(
          "/engine-rest/task/count?taskDefinitionKey=" + CallbackProcess.TASK_URGENT_CLINICAL_CALLBACK, JsonNode.class)
          .get("count").asInt()).as(coordinator + " counts it").isZero();
      ResponseEntity<String> sheet = http.withBasicAuth(coordinator, "demo")
          .getForEntity("/engine-rest/task/" + urgent + "/form-variables", String.class);
      assertThat(sheet.getStatusCode().value()).as(coordinator + " reads its sheet").isIn(403, 404);
      assertThat(sheet.getBody()).doesNotContain("Cli Nical").doesNotContain("chest pain");
      assertThat(post(coordinator, "/engine-rest/task/" + urgent + "/claim", "{\"userId\":\"" + coordinator + "\"}"))
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(post(coordinator, "/engine-rest/task/" + urgent + "/complete",
          "{\"variables\": {\"clinicalOutcome\": {\"value\": \"HANDLED\"}, \"clinicalNote\": {\"value\": \"Called back\"}}}")).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    assertThat(sees("manager", urgent)).isTrue();
    assertThat(post("manager", "/engine-rest/task/" + urgent + "/assignee", "{\"userId\":\"manager\"}"))
        .as("a manager hands a clinical task to a clinician, never to themselves").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("manager", "/engine-rest/task/" + urgent + "/complete",
        "{\"variables\": {\"clinicalOutcome\": {\"value\": \"HANDLED\"}, \"clinicalNote\": {\"value\": \"Called back\"}}}")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("operations", "/engine-rest/task/" + urgent + "/comment/create", "{\"message\": \"chest pain\"}")
        .is4xxClientError()).isTrue();
    assertThat(attach("operations", urgent).is4xxClientError()).as("no attachments with patient words").isTrue();
    assertThat(attach("manager", urgent).is4xxClientError()).isTrue();
    assertThat(engine.getTaskService().getTaskAttachments(urgent)).isEmpty();
    assertThat(engine.getTaskService().getTaskComments(urgent)).isEmpty();
    assertThat(post("manager", "/engine-rest/task/" + urgent + "/assignee", "{\"userId\":\"clinician\"}"))
        .as("and to a clinician").isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(sees("operations", urgent)).isFalse();
    assertThat(sees("clinician", urgent)).isTrue();
    JsonNode sheet = http.withBasicAuth("clinician", "demo")
        .getForObject("/engine-rest/task/" + urgent + "/form-variables?deserializeValues=false", JsonNode.class);
    assertThat(sheet.get("sheet").get("value").asText()).contains("chest pain");
    assertThat(post("clinician", "/engine-rest/task/" + urgent + "/claim", "{\"userId\":\"clinician\"}")).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("clinician", "/engine-rest/task/" + urgent + "/complete",
        "{\"variables\": {\"clinicalOutcome\": {\"value\": \"HANDLED\"}, \"clinicalNote\": {\"value\": \"Called back\"}}}")).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(flagged.request().getProcessInstanceId()).count()).isZero();
  }

  @ParameterizedTest(name = "{0} reaches {1}")
  @CsvSource({
      "coordinator, tasklist",
      "referrals,   tasklist",
      "clinician,   tasklist",
      "manager,     tasklist",
      "operations,  cockpit admin"})
  void eachRoleSignsInToItsOwnWebappsOnly(String user, String apps) {
    List<String> allowed = List.of(apps.split(" "));
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      ResponseEntity<JsonNode> login = WebappLogin.login(http, app, user, "demo").login();
      if (allowed.contains(app)) {
        assertThat(login.getStatusCode()).as(user + " in " + app).isEqualTo(HttpStatus.OK);
        List<String> reached = new ArrayList<>();
        login.getBody().get("authorizedApps").forEach(name -> reached.add(name.asText()));
        assertThat(reached).as(user + "'s apps")
            .containsExactlyInAnyOrderElementsOf(Stream.concat(allowed.stream(), Stream.of("welcome")).toList());
      } else {
        assertThat(login.getStatusCode()).as(user + " in " + app).isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
  }

  @ParameterizedTest(name = "{0}: requests {2}, audit {3}, tokens {4}")
  @CsvSource({
      "coordinator, demo,                200, 403, 403",
      "referrals,   demo,                200, 403, 403",
      "clinician,   demo,                200, 403, 403",
      "manager,     demo,                200, 200, 403",
      "operations,  demo,                403, 403, 403",
      "admin,       test-admin-password, 200, 200, 200"})
  void eachRoleReachesTheApiAsItsRoleAllows(String user, String password, int requests, int audit, int tokens) {
    assertThat(http.withBasicAuth(user, password).getForEntity("/api/callbacks?size=1", String.class).getStatusCode().value())
        .as("requests").isEqualTo(requests);
    assertThat(http.withBasicAuth(user, password).getForEntity("/api/callbacks/" + UUID.randomUUID(), String.class)
        .getStatusCode().value()).as("one request").isEqualTo(requests == 200 ? 404 : 403);
    assertThat(http.withBasicAuth(user, password).getForEntity("/api/audit?size=1", String.class).getStatusCode().value())
        .as("audit").isEqualTo(audit);
    assertThat(http.withBasicAuth(user, password).getForEntity("/api/tokens", String.class).getStatusCode().value())
        .as("tokens").isEqualTo(tokens);
  }

  @Test
  void operationsAddAccountsThatAnAdministratorPlacesInAGroup() {
    String newcomer = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);

    HttpStatus created = post("operations", "/engine-rest/user/create",
        "{\"profile\": {\"id\": \"" + newcomer + "\", \"firstName\": \"New\", \"lastName\": \"Comer\"},"
            + " \"credentials\": {\"password\": \"a-first-password\"}}");
    HttpStatus placedByOperations = put("operations", "/engine-rest/group/" + Groups.CALLBACK_COORDINATORS + "/members/" + newcomer);
    HttpStatus grant = post("operations", "/engine-rest/authorization/create",
        "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"operations\", \"resourceType\": 7, \"resourceId\": \"*\"}");
    HttpStatus intoAdmins = put("operations", "/engine-rest/group/" + Groups.ADMINS + "/members/operations");
    HttpStatus adminPassword = send("operations", HttpMethod.PUT, "/engine-rest/user/admin/credentials",
        "{\"password\": \"taken-over-by-operations\", \"authenticatedUserPassword\": \"demo\"}");
    HttpStatus placedByAdmin = HttpStatus.valueOf(http.withBasicAuth("admin", "test-admin-password").exchange(
        "/engine-rest/group/" + Groups.CALLBACK_COORDINATORS + "/members/" + newcomer, HttpMethod.PUT, null, String.class)
        .getStatusCode().value());

    assertThat(created).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(placedByOperations).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(grant).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(intoAdmins).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(adminPassword).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(placedByAdmin).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getIdentityService().checkPassword("admin", "test-admin-password")).isTrue();
    // read in the table: the API lists newest first by the test clock, which other tests move ahead
    assertThat(jdbc.queryForList("select actor, detail from audit_event where action = 'MEMBERSHIP_CHANGED'"))
        .as("the audit trail names who changed a membership").anySatisfy(entry -> {
          assertThat(entry.get("actor")).isEqualTo("admin");
          assertThat(entry.get("detail").toString()).contains(newcomer);
        });
  }

  @Test
  void managersHandTasksOverAndCandidatesOnlyClaimAndComplete() {
    String call = taskOf(intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Hand Over", Phones.next())));

    HttpStatus byCoordinator = post("coordinator", "/engine-rest/task/" + call + "/assignee", "{\"userId\": \"referrals\"}");
    HttpStatus byManager = post("manager", "/engine-rest/task/" + call + "/assignee", "{\"userId\": \"coordinator\"}");

    HttpStatus released = post("coordinator", "/engine-rest/task/" + call + "/unclaim", null);
    HttpStatus claimedAgain = post("coordinator", "/engine-rest/task/" + call + "/claim", "{\"userId\": \"coordinator\"}");
    HttpStatus toAnotherQueue = post("manager", "/engine-rest/task/" + call + "/assignee", "{\"userId\": \"referrals\"}");

    assertThat(byCoordinator).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byManager).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(released).as("whoever works a task releases it").isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(claimedAgain).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(toAnotherQueue).as("only to someone in its queue").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(call).singleResult().getAssignee()).isEqualTo("coordinator");
  }

  @Test
  void operationsWatchesInstancesButNotPatientTasks() {
    IntakeResult request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Ops Watch", Phones.next()));

    JsonNode instances = http.withBasicAuth("operations", "demo")
        .getForObject("/engine-rest/process-instance?processInstanceIds=" + request.request().getProcessInstanceId(), JsonNode.class);
    JsonNode tasks = http.withBasicAuth("operations", "demo")
        .getForObject("/engine-rest/task?processInstanceId=" + request.request().getProcessInstanceId(), JsonNode.class);

    assertThat(instances).hasSize(1);
    assertThat(tasks).isEmpty();
  }

  @Test
  void theCallSheetIsReadByTheQueueAndManagersButNotByOperations() {
    IntakeResult request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Sheet Reader", Phones.next()));
    String instance = request.request().getProcessInstanceId();
    String call = taskOf(request);

    JsonNode coordinator = http.withBasicAuth("coordinator", "demo")
        .getForObject("/engine-rest/task/" + call + "/form-variables?deserializeValues=false", JsonNode.class);
    JsonNode manager = http.withBasicAuth("manager", "demo")
        .getForObject("/engine-rest/task/" + call + "/form-variables?deserializeValues=false", JsonNode.class);
    ResponseEntity<String> operationsTask = http.withBasicAuth("operations", "demo")
        .getForEntity("/engine-rest/task/" + call + "/form-variables", String.class);
    JsonNode operationsVariables = http.withBasicAuth("operations", "demo")
        .getForObject("/engine-rest/variable-instance?processInstanceIdIn=" + instance, JsonNode.class);
    JsonNode adminVariables = http.withBasicAuth("admin", "test-admin-password")
        .getForObject("/engine-rest/variable-instance?processInstanceIdIn=" + instance, JsonNode.class);

    // the sheet is one JSON variable; Tasklist hands it to the form as an object
    assertThat(coordinator.get("sheet").get("type").asText()).isEqualTo("Json");
    assertThat(coordinator.get("sheet").get("value").asText()).contains("Sheet Reader");
    assertThat(manager.get("sheet").get("value").asText()).contains("Sheet Reader");
    assertThat(operationsTask.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(operationsTask.getBody()).doesNotContain("Sheet Reader");
    assertThat(adminVariables.findValuesAsText("name")).contains("sheet");
    assertThat(operationsVariables).isEmpty();
  }

  /** A count that changes with a guessed name would tell operations the name, one letter at a time. */
  @Test
  void operationsCannotSearchLaddersByTheirVariables() {
    intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Quentin Probe", Phones.next()));
    WebappLogin.Session cockpit = WebappLogin.session(http, "cockpit", "operations", "demo");

    for (String query : List.of("/engine-rest/execution/count?variables=patientName_like_Quentin%25",
        "/engine-rest/process-instance/count?variables=reason_eq_GENERAL",
        "/engine-rest/history/process-instance/count?variables=reason_eq_GENERAL",
        "/engine-rest/variable-instance/count?variableValues=reason_eq_GENERAL",
        "/engine-rest/history/task/count?processVariables=reason_eq_GENERAL")) {
      assertThat(http.withBasicAuth("operations", "demo").getForEntity(query, String.class).getStatusCode())
          .as(query).isEqualTo(HttpStatus.FORBIDDEN);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    cockpit.addTo(headers);
    ResponseEntity<String> cockpitSearch = http.exchange("/camunda/api/cockpit/plugin/base/default/process-instance/count",
        HttpMethod.POST, new HttpEntity<>("{\"variables\": [{\"name\": \"patientName\", \"operator\": \"like\","
            + " \"value\": \"Quentin%\"}]}", headers), String.class);
    ResponseEntity<String> cockpitList = http.exchange("/camunda/api/cockpit/plugin/base/default/process-instance/count",
        HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);

    assertThat(cockpitSearch.getStatusCode().is4xxClientError()).as(cockpitSearch.getBody()).isTrue();
    assertThat(cockpitList.getStatusCode()).as("Cockpit's list without such a filter still works").isEqualTo(HttpStatus.OK);
  }

  @Test
  void eachGroupSeesItsOwnTasklistFilters() {
    List<String> calls = List.of("My queue", "Assigned to me", "Later today / Scheduled", "Due today", "Overdue");
    assertThat(filters("coordinator")).containsExactlyInAnyOrderElementsOf(calls);
    assertThat(filters("clinician")).containsExactlyInAnyOrderElementsOf(plus(calls, "Clinical"));
    assertThat(filters("referrals")).containsExactlyInAnyOrderElementsOf(calls);
    assertThat(filters("manager")).containsExactlyInAnyOrderElementsOf(plus(calls, "Needs a manager", "All open calls"));
    assertThat(filters("operations")).isEmpty();

    clock.set(CallbackLadderTest.TUESDAY_9AM);
    String general = taskOf(intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Fil Ter", Phones.next())));
    assertThat(listed("coordinator", "My queue")).contains(general);
    assertThat(listed("manager", "All open calls")).as("every queue's calls, for managers").contains(general);
  }

  /** A patient whose day has not begun waits in "Later today / Scheduled", not in "My queue". */
  @Test
  void aCallThePatientMayNotTakeYetIsScheduledNotInMyQueue() {
    // 09:00 in New York is 06:00 in Los Angeles: the first call may be made from 11:00
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    String early = taskOf(intake.receive(new NewCallbackRequest("WEB_FORM", "APPOINTMENT_REQUEST",
        new NewCallbackRequest.Patient("Ear Ly", Phones.next(), null, null, null, "America/Los_Angeles"), null, null, null)));

    assertThat(listed("coordinator", "My queue")).doesNotContain(early);
    assertThat(listed("coordinator", "Later today / Scheduled")).contains(early);
  }

  /**
   * What a filter lists a minute later by the test clock: the filters compare follow-up dates (the
   * first moment a call may be made) with the engine's now.
   */
  private List<String> listed(String user, String filterName) {
    ClockUtil.setCurrentTime(Date.from(clock.instant().plusSeconds(60)));
    try {
      return listedNow(user, filterName);
    } finally {
      ClockUtil.reset();
    }
  }

  private List<String> listedNow(String user, String filterName) {
    String filter = http.withBasicAuth(user, "demo").getForObject("/engine-rest/filter?name=" + filterName, JsonNode.class)
        .get(0).get("id").asText();
    return http.withBasicAuth(user, "demo").getForObject("/engine-rest/filter/" + filter + "/list?maxResults=1000", JsonNode.class)
        .findValuesAsText("id");
  }

  private static List<String> plus(List<String> names, String... more) {
    return java.util.stream.Stream.concat(names.stream(), java.util.Arrays.stream(more)).toList();
  }

  private java.util.List<String> filters(String user) {
    java.util.List<String> names = new java.util.ArrayList<>();
    http.withBasicAuth(user, "demo").getForObject("/engine-rest/filter", JsonNode.class)
        .forEach(filter -> names.add(filter.get("name").asText()));
    return names;
  }

  @Test
  void settingUpAccessAgainChangesNothing() {
    long before = engine.getAuthorizationService().createAuthorizationQuery().count();
    long filters = engine.getFilterService().createFilterQuery().count();

    access.postProcessEngineBuild(engine);

    assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(before);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
  }

  private String taskOf(IntakeResult result) {
    return engine.getTaskService().createTaskQuery().processInstanceId(result.request().getProcessInstanceId())
        .singleResult().getId();
  }

  private boolean sees(String user, String taskId) {
    JsonNode tasks = http.withBasicAuth(user, "demo").getForObject("/engine-rest/task?taskId=" + taskId, JsonNode.class);
    return tasks.size() == 1;
  }

  /** An attachment on a task, as Tasklist's API takes it (multipart). */
  private HttpStatus attach(String user, String taskId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("attachment-name", "notes");
    parts.add("attachment-description", "patient says crushing chest pain");
    parts.add("url", "http://example.com/x");
    return HttpStatus.valueOf(http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/attachment/create",
        HttpMethod.POST, new HttpEntity<>(parts, headers), String.class).getStatusCode().value());
  }

  private HttpStatus post(String user, String path, String body) {
    return send(user, HttpMethod.POST, path, body);
  }

  private HttpStatus put(String user, String path) {
    return send(user, HttpMethod.PUT, path, null);
  }

  private HttpStatus send(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return HttpStatus.valueOf(http.withBasicAuth(user, "demo")
        .exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value());
  }
}
