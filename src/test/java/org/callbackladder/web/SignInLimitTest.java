package org.callbackladder.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TwilioCalls;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The request limits as an attacker meets them, with small limits and clients told apart by the
 * X-Forwarded-For a trusted proxy sends: failed sign-ins count against the address, never the user
 * name; requests count against the verified user; signed webhooks against their account.
 */
@Tag("own-application")
@CallbackLadderTest
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:sign-in-limits;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "callback.limits.failed-sign-ins-per-minute=3",
    "callback.limits.requests-per-minute=4",
    "callback.limits.webhook-requests-per-minute=3"})
// its own engine on its own database: closed with the class, so later tests' webapps meet theirs
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignInLimitTest {

  @Autowired TestRestTemplate http;

  @Test
  void wrongPasswordsUseUpTheSendersAddressNotTheUserTheyName() {
    String attacker = "10.0.66.1";
    for (int i = 0; i < 3; i++) {
      assertThat(get("/api/callbacks?size=1", "manager", "wrong-" + i, attacker).getStatusCode().value()).isEqualTo(401);
    }
    ResponseEntity<String> freshName = get("/api/callbacks?size=1", "made-up-" + UUID.randomUUID(), "x", attacker);
    ResponseEntity<String> evenTheRightPassword = get("/api/callbacks?size=1", "manager", "demo", attacker);
    ResponseEntity<String> theRealManager = get("/api/callbacks?size=1", "manager", "demo", "10.0.1.1");

    assertThat(freshName.getStatusCode().value()).as("a new made-up name opens no fresh budget").isEqualTo(429);
    assertThat(freshName.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(freshName.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(evenTheRightPassword.getStatusCode().value()).isEqualTo(429);
    assertThat(theRealManager.getStatusCode().value()).as("the named user is neither counted nor locked").isEqualTo(200);
  }

  @Test
  void requestsCountAgainstTheSignedInUserFromAnyAddress() {
    for (int i = 0; i < 4; i++) {
      assertThat(get("/api/callbacks?size=1", "referrals", "demo", "10.0.2." + i).getStatusCode().value()).isEqualTo(200);
    }

    assertThat(get("/api/callbacks?size=1", "referrals", "demo", "10.0.2.9").getStatusCode().value()).isEqualTo(429);
    assertThat(get("/api/callbacks?size=1", "clinician", "demo", "10.0.2.9").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void signedWebhooksCountAgainstTheirAccountNotTheSharedAddress() {
    String twilio = "10.0.77.1";
    for (int i = 0; i < 3; i++) {
      get("/api/callbacks", "someone-else", "wrong", twilio);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(twilio("AC-limits", twilio).getStatusCode().value()).as("signed, from a spent address").isEqualTo(204);
    }

    assertThat(twilio("AC-limits", twilio).getStatusCode().value()).as("over the account's limit").isEqualTo(429);
    assertThat(twilio("AC-other", twilio).getStatusCode().value()).as("another account").isEqualTo(204);
  }

  private ResponseEntity<String> get(String path, String user, String password, String address) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.add("X-Forwarded-For", address);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private ResponseEntity<String> twilio(String account, String address) {
    Map<String, String> call = TwilioCalls.call("CA" + UUID.randomUUID(), Phones.next(), "no-answer");
    call.put("AccountSid", account);
    String path = "/webhooks/twilio/voice/status";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add("X-Forwarded-For", address);
    headers.set("X-Twilio-Signature", TwilioCalls.sign(CallbackLadderTest.TWILIO_AUTH_TOKEN, CallbackLadderTest.PUBLIC_BASE_URL + path, call));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    call.forEach(form::add);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }
}
