package org.callbackladder.closure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A practice manager closes a request outside its ladder: with a reason and a note, audited, never around the clinical team. */
@CallbackLadderTest
class StaffClosureTest {

  @Autowired IntakeService intake;
  @Autowired CallbackRequestRepository requests;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  @Test
  void aManagerClosesADuplicateAndTheLadderEndsWithIt() {
    String phone = Phones.next();
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Pat Twice", phone)).request();

    ResponseEntity<JsonNode> closed = close("manager", request.getId(),
        Map.of("reason", "DUPLICATE", "note", "Entered again at the front desk; the phone request stands"));

    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(closed.getBody().get("closureReason").asText()).isEqualTo("DUPLICATE");
    CallbackRequest stored = requests.getRequired(request.getId());
    assertThat(stored.getStatus().name()).isEqualTo("CLOSED");
    assertThat(stored.getClosedAt()).isNotNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId()).count())
        .as("the ladder ended").isZero();
    assertThat(jdbc.queryForList("select detail from audit_event where callback_request_id = ? and actor = 'manager'",
        String.class, request.getId()))
        .contains("by staff: DUPLICATE: Entered again at the front desk; the phone request stands");
    CallbackRequest next = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Pat Twice", phone)).request();
    assertThat(next.getId()).as("the number's next signal opens a new request").isNotEqualTo(request.getId());

    assertThat(close("manager", request.getId(), Map.of("reason", "DUPLICATE", "note", "again")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndNothingChanges() {
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Pat Kept", Phones.next())).request();

    ResponseEntity<JsonNode> refused = close("manager", request.getId(), Map.of("reason", "BOOKED", "note", " "));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("reason", "note");
    assertThat(requests.getRequired(request.getId()).getStatus().name()).isNotEqualTo("CLOSED");
    assertThat(close("manager", UUID.randomUUID(), Map.of("reason", "DUPLICATE", "note", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyManagersCloseAndNeverAroundTheClinicalTeam() {
    CallbackRequest request = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Pat Coordinator", Phones.next())).request();
    assertThat(close("coordinator", request.getId(), Map.of("reason", "DUPLICATE", "note", "mine")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    CallbackRequest urgent = intake.receive(new NewCallbackRequest("VOICEMAIL", "GENERAL",
        new NewCallbackRequest.Patient("Pat Urgent", Phones.next()), "my husband has crushing chest pain", null, null)).request();
    ResponseEntity<JsonNode> refused = close("manager", urgent.getId(), Map.of("reason", "SEEN_IN_PERSON", "note", "came in"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").asText()).contains("clinical team");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(urgent.getProcessInstanceId()).count())
        .isOne();
  }

  private ResponseEntity<JsonNode> close(String user, UUID id, Map<String, String> body) {
    return http.withBasicAuth(user, "demo").postForEntity("/api/callbacks/" + id + "/close", body, JsonNode.class);
  }
}
