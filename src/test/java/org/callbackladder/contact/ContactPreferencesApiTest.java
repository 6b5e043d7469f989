package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.callbackladder.access.ApiTokens;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api/patients/{phone}/contact-preferences} as staff, integrations and operations use it. */
@CallbackLadderTest
class ContactPreferencesApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IntakeService intake;
  @Autowired ContactPolicy policy;
  @Autowired ApiTokens tokens;

  @Test
  void aNumberNeverRecordedShowsTheDefaults() {
    JsonNode shown = get("coordinator", Phones.next()).getBody();

    assertThat(shown.get("textConsent").isNull()).isTrue();
    assertThat(shown.get("voicemail").asText()).isEqualTo("MINIMAL_ONLY");
    assertThat(shown.get("history")).isEmpty();
  }

  @Test
  void staffRecordWhatThePatientAskedForWithWhoAndHowAndThePolicyFollows() {
    String phone = Phones.next();
    CallbackRequest request = intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Pat Prefers", phone), null, null, null, null,
        new NewCallbackRequest.Consent(true, null, null), null)).request();
    assertThat(policy.message(request).allowed()).isTrue();

    ResponseEntity<JsonNode> changed = put("coordinator", Phones.national(phone), """
        {"textConsent": false, "voicemail": "NOT_ALLOWED", "thisNumberOnly": true, "messageEmail": "pat@example.org",
         "source": "phone call"}""");

    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode shown = get("manager", phone).getBody();
    assertThat(shown.get("textConsent").asBoolean()).isFalse();
    assertThat(shown.get("voicemail").asText()).isEqualTo("NOT_ALLOWED");
    assertThat(shown.get("thisNumberOnly").asBoolean()).isTrue();
    assertThat(shown.get("messageEmail").asText()).isEqualTo("pat@example.org");
    assertThat(shown.get("history").findValuesAsText("field"))
        .containsExactly("textConsent", "textConsent", "voicemail", "thisNumberOnly", "messageEmail");
    assertThat(shown.get("history").get(1).get("by").asText()).isEqualTo("coordinator");
    assertThat(shown.get("history").get(1).get("source").asText()).isEqualTo("staff: phone call");
    assertThat(shown.get("history").get(4).get("to").asText()).as("the history keeps that it changed, not the address")
        .isEqualTo("set");
    assertThat(policy.message(request).reason()).isEqualTo("no message: no text (opted out 2026-12-01 by staff: phone call); no consent to email; no consent to portal messages");

    // a web form anyone may fill in with this number does not turn what the patient told staff into a yes
    CallbackRequest later = intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Pat Prefers", phone), null, null, null, null,
        new NewCallbackRequest.Consent(true, null, null), null)).request();
    assertThat(policy.message(later).reason()).startsWith("no message: no text (opted out 2026-12-01 by staff: phone call)");
  }

  @Test
  void badInputIsA400NamingTheFieldAndChangesNothing() {
    String phone = Phones.next();

    assertThat(put("coordinator", phone, "{\"voicemail\": \"SOMETIMES\", \"source\": \"call\"}").getBody()
        .get("errors").findValuesAsText("field")).containsExactly("voicemail");
    assertThat(put("coordinator", phone, "{\"textConsent\": true}").getBody().get("errors").findValuesAsText("field"))
        .containsExactly("source");
    assertThat(put("coordinator", phone, "{\"messageNumber\": \"abc\", \"messageEmail\": \"no\", \"source\": \"call\"}")
        .getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("messageNumber", "messageEmail");
    ResponseEntity<JsonNode> badNumber = get("coordinator", "12");
    assertThat(badNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badNumber.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("coordinator", phone).getBody().get("history")).isEmpty();
  }

  @Test
  void onlyThePracticesStaffReadOrChangeThem() {
    String phone = Phones.next();
    String intakeToken = tokens.issue(new ApiTokens.Request("Preferences test", "coordinator", "INTAKE", 1), "admin").secret();
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(intakeToken);

    assertThat(get("operations", phone).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.exchange(path(phone), HttpMethod.GET, new HttpEntity<>(bearer), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity(path(phone), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String staff : new String[] {"coordinator", "referrals", "clinician", "manager"}) {
      assertThat(get(staff, phone).getStatusCode()).as(staff).isEqualTo(HttpStatus.OK);
    }
  }

  private ResponseEntity<JsonNode> get(String user, String phone) {
    return http.withBasicAuth(user, "demo").getForEntity(path(phone), JsonNode.class);
  }

  private ResponseEntity<JsonNode> put(String user, String phone, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path(phone), HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static String path(String phone) {
    return "/api/patients/" + phone + "/contact-preferences";
  }
}
