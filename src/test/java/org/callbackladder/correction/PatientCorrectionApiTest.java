package org.callbackladder.correction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.CallSheet;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.TaskSheet;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
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

/**
 * {@code PATCH /api/callbacks/{id}/patient}: staff who may read a request correct the patient's
 * details; every change is audited with its old and new value, and the open ladder plans again.
 */
@CallbackLadderTest
class PatientCorrectionApiTest {

  @Autowired IntakeService intake;
  @Autowired CallbackRequestRepository requests;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired TestClock clock;

  @BeforeEach
  void tuesdayMorning() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void aCoordinatorCorrectsTheTimeZoneAndTheOpenCallWaitsForThePatientsMorning() {
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "APPOINTMENT_REQUEST", "Noa Lindqvist", Phones.next()))
        .request();
    Task call = callOf(request);
    assertThat(call.getFollowUpDate().toInstant()).as("New York: callable at once").isEqualTo(CallbackLadderTest.TUESDAY_9AM);

    ResponseEntity<JsonNode> corrected = patch("coordinator", request.getId(),
        "{\"timeZone\": \"America/Los_Angeles\", \"preferredLanguage\": \"es\", \"name\": \"Noa Lindqvist-Ruiz\"}");

    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(corrected.getBody().get("changed").toString()).isEqualTo("[\"name\",\"timeZone\",\"preferredLanguage\"]");
    CallbackRequest stored = requests.getRequired(request.getId());
    assertThat(stored.getPatientTimeZone()).isEqualTo("America/Los_Angeles");
    assertThat(stored.getPreferredLanguage()).isEqualTo("es");
    // 08:00 in Los Angeles is 11:00 in New York: the call shows from then, and its window runs from then
    Task moved = callOf(request);
    assertThat(moved.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    assertThat(moved.getDueDate().toInstant()).isAfter(moved.getFollowUpDate().toInstant());
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(request.getProcessInstanceId())
        .activityId(CallbackProcess.TIMER_RESPONSE_WINDOW_ENDS).singleResult().getDuedate()).isEqualTo(moved.getDueDate());
    assertThat(TaskSheet.read(engine.getTaskService(), moved.getId()))
        .containsEntry(CallSheet.PATIENT_NAME, "Noa Lindqvist-Ruiz")
        .hasEntrySatisfying(CallSheet.PATIENT_TIME, time -> assertThat(time.toString()).startsWith("America/Los_Angeles"));
    assertThat(jdbc.queryForList("select detail from audit_event where callback_request_id = ? and action = 'PATIENT_CORRECTED'"
        + " and actor = 'coordinator' order by id", String.class, request.getId()))
        .containsExactly("name: Noa Lindqvist -> Noa Lindqvist-Ruiz (by coordinator)",
            "timeZone: America/New_York -> America/Los_Angeles (by coordinator)",
            "preferredLanguage: (none) -> es (by coordinator)");
  }

  @Test
  void aWaitingNextAttemptMovesToTheCorrectedPreferredTimes() {
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "APPOINTMENT_REQUEST", "Ira Costa", Phones.next()))
        .request();
    var ladder = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId())
        .singleResult();
    engine.getTaskService().complete(callOf(request).getId(), Ladder.answers("NO_ANSWER", null));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(ladder.getId()).activityId(CallbackProcess.TASK_QUEUE_FOLLOW_UP_MESSAGE).singleResult().getId());
    String before = (String) engine.getRuntimeService().getVariable(ladder.getId(), Vars.NEXT_ATTEMPT_AT);

    assertThat(patch("manager", request.getId(), "{\"preferredTimes\": \"afternoons\"}").getStatusCode()).isEqualTo(HttpStatus.OK);

    String after = (String) engine.getRuntimeService().getVariable(ladder.getId(), Vars.NEXT_ATTEMPT_AT);
    assertThat(after).isNotEqualTo(before);
    assertThat(OffsetDateTime.parse(after).toLocalTime().getHour()).as("an afternoon hour").isGreaterThanOrEqualTo(15);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(ladder.getId())
        .activityId(CallbackProcess.TIMER_NEXT_ATTEMPT_DUE).singleResult().getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse(after).toInstant());
    assertThat(requests.getRequired(request.getId()).getNextAttemptAt()).isEqualTo(OffsetDateTime.parse(after).toInstant());
  }

  @Test
  void aRequestWithTheClinicalTeamSinceIntakeIsCorrectedToo() {
    CallbackRequest urgent = intake.receive(new NewCallbackRequest("VOICEMAIL", "GENERAL",
        new NewCallbackRequest.Patient("Ivo Urgent", Phones.next()), "crushing chest pain since this morning", null, null))
        .request();

    ResponseEntity<JsonNode> corrected = patch("manager", urgent.getId(), "{\"timeZone\": \"America/Denver\"}");

    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(requests.getRequired(urgent.getId()).getPatientTimeZone()).isEqualTo("America/Denver");
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndNothingChanges() {
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Kit Moreau", Phones.next())).request();

    ResponseEntity<JsonNode> refused = patch("coordinator", request.getId(),
        "{\"timeZone\": \"Mars/Olympus\", \"phone\": \"12\", \"preferredLanguage\": \"!!\", \"name\": \"Kit Moreau-Blanc\"}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("timeZone", "phone", "preferredLanguage");
    assertThat(requests.getRequired(request.getId()).getPatientName()).as("nothing half-stored").isEqualTo("Kit Moreau");
    assertThat(patch("coordinator", request.getId(), "{}").getBody().get("errors").findValuesAsText("field")).containsExactly("body");
    assertThat(patch("coordinator", request.getId(), "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyStaffWhoMayReadTheRequestCorrectIt() {
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Ode Haruna", Phones.next())).request();
    String change = "{\"preferredTimes\": \"mornings\"}";

    assertThat(patch("referrals", request.getId(), change).getStatusCode()).as("another queue: as if it did not exist")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(patch("operations", request.getId(), change).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(patch("manager", UUID.randomUUID(), change).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(requests.getRequired(request.getId()).getPreferredTimes()).isEqualTo("any weekday");
  }

  @Test
  void aNumberAnotherOpenRequestHasOrAClosedRequestIsAConflict() {
    String taken = Phones.next();
    intake.receive(Ladder.request("WEB_FORM", "GENERAL", "First Holder", taken));
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Second Holder", Phones.next())).request();

    ResponseEntity<JsonNode> clash = patch("manager", request.getId(), "{\"phone\": \"" + Phones.dialled(taken) + "\"}");
    assertThat(clash.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    http.withBasicAuth("manager", "demo").postForEntity("/api/callbacks/" + request.getId() + "/close",
        Map.of("reason", "DUPLICATE", "note", "entered twice"), JsonNode.class);
    assertThat(patch("manager", request.getId(), "{\"name\": \"Late Fix\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  private Task callOf(CallbackRequest request) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getProcessInstanceId())
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).singleResult();
  }

  private ResponseEntity<JsonNode> patch(String user, UUID id, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/callbacks/" + id + "/patient", HttpMethod.PATCH,
        new HttpEntity<>(body, headers), JsonNode.class);
  }
}
