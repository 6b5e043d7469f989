package org.callbackladder.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.security.RequestValidator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.CallbackProcess.CallSheet;
import org.callbackladder.CallbackProcess;
import org.callbackladder.TaskSheet;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.Channel;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Concurrently;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.callbackladder.support.TwilioCalls;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Twilio's call-status, recording and SMS callbacks, in Twilio's form-encoded shapes, signed. */
@CallbackLadderTest
class TwilioWebhookTest {

  @Autowired TestRestTemplate http;
  @Autowired CallbackRequestRepository requests;
  @Autowired CallbackSignalRepository signals;
  @Autowired MeterRegistry meters;
  @Autowired TaskService tasks;
  @Autowired ManagementService jobs;
  @Autowired TestClock clock;

  @BeforeEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  /** Twilio's published example: token 12345, this URL and these parameters. */
  @Test
  void theDocumentedAlgorithmGivesTwiliosPublishedSignature() {
    String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
        "Digits", "1234", "From", "+14158675309", "To", "+18005551212");

    assertThat(TwilioCalls.sign("12345", url, params)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    assertThat(new RequestValidator("12345").validate(url, params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
  }

  @Test
  void anUnansweredInboundCallIsAMissedCallAndItsReplayIsNothingNew() {
    String phone = Phones.next();
    Map<String, String> call = TwilioCalls.call("CA" + phone.substring(2) + "a", phone, "no-answer");

    ResponseEntity<String> first = post("/webhooks/twilio/voice/status", call);
    long signalsAfterFirst = signals.count();
    ResponseEntity<String> replay = post("/webhooks/twilio/voice/status", call);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(signals.count()).isEqualTo(signalsAfterFirst);
    CallbackRequest missed = openRequestOf(phone);
    assertThat(missed.getChannel()).isEqualTo(Channel.MISSED_CALL);
    assertThat(missed.getPatientName()).isNull();
    assertThat(missed.getQueue()).isEqualTo("callback-coordinators");
  }

  @Test
  void aSignedCallWithAnOverlongCallerNameIsKeptWithTheNameCut() {
    String phone = Phones.next();
    Map<String, String> call = TwilioCalls.call("CA" + phone.substring(2) + "n", phone, "no-answer");
    call.put("CallerName", "Pat\u0000 " + "Q".repeat(300));

    ResponseEntity<String> answer = post("/webhooks/twilio/voice/status", call);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(openRequestOf(phone).getPatientName()).startsWith("Pat Q").hasSize(200).doesNotContain("\u0000");
  }

  @Test
  void aSignedCallFromAWithheldNumberIsKeptForManagersNotRefused() {
    String sid = "CAanon" + UUID.randomUUID();
    Map<String, String> call = TwilioCalls.call(sid, "anonymous", "no-answer");
    call.put("CallerName", "Caller " + sid);
    Map<String, String> recording = new LinkedHashMap<>(Map.of("RecordingSid", "RE" + sid, "RecordingUrl",
        "https://api.twilio.com/recordings/RE2", "RecordingDuration", "9", "CallSid", sid, "From", "+266696687",
        "To", "+14155550100", "AccountSid", "AC123", "TranscriptionText", "It's Sam from the pharmacy, please call back",
        "TranscriptionStatus", "completed"));
    long requestsBefore = requests.count();

    ResponseEntity<String> missed = post("/webhooks/twilio/voice/status", call);
    ResponseEntity<String> replayed = post("/webhooks/twilio/voice/status", call);
    ResponseEntity<String> voicemail = post("/webhooks/twilio/voice/recording", recording);
    JsonNode listed = http.withBasicAuth("manager", "demo").getForObject("/api/uncallable-signals", JsonNode.class);
    ResponseEntity<String> coordinator = http.withBasicAuth("coordinator", "demo").getForEntity("/api/uncallable-signals", String.class);

    assertThat(missed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(voicemail.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(requests.count()).as("no request, no ladder: nobody can call back").isEqualTo(requestsBefore);
    assertThat(listed.get("items").findValuesAsText("sentNumber")).containsSubsequence("+266696687", "anonymous");
    assertThat(listed.get("items").get(0).get("message").asText()).isEqualTo("It's Sam from the pharmacy, please call back");
    assertThat(listed.get("items").findValuesAsText("callerName")).as("a replay is one entry").containsOnlyOnce("Caller " + sid);
    assertThat(coordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(meters.counter("callback.signals.uncallable", "channel", "MISSED_CALL").count()).isPositive();
  }

  @Test
  void aWrongOrMissingSignatureIsRefusedAndStoresNothing() {
    String phone = Phones.next();
    Map<String, String> call = TwilioCalls.call("CA" + phone.substring(2) + "b", phone, "busy");
    long before = signals.count();

    ResponseEntity<String> forged = post("/webhooks/twilio/voice/status", call, TwilioCalls.sign("not-the-token", url("/webhooks/twilio/voice/status"), call));
    ResponseEntity<String> unsigned = post("/webhooks/twilio/voice/status", call, null);
    Map<String, String> tampered = new LinkedHashMap<>(call);
    String signature = TwilioCalls.sign(CallbackLadderTest.TWILIO_AUTH_TOKEN, url("/webhooks/twilio/voice/status"), call);
    tampered.put("From", Phones.next());
    ResponseEntity<String> changed = post("/webhooks/twilio/voice/status", tampered, signature);

    for (ResponseEntity<String> answer : List.of(forged, unsigned, changed)) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(signals.count()).isEqualTo(before);
  }

  @Test
  void outboundCallsAndAnsweredCallsWithoutAnOpenRequestStoreNothing() {
    long before = signals.count();
    Map<String, String> outbound = new LinkedHashMap<>(TwilioCalls.call("CAout1", Phones.next(), "no-answer"));
    outbound.put("Direction", "outbound-api");

    assertThat(post("/webhooks/twilio/voice/status", outbound).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("/webhooks/twilio/voice/status", TwilioCalls.call("CAanswered1", Phones.next(), "completed")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(signals.count()).isEqualTo(before);
  }

  @Test
  void anAnsweredCallFromAPatientWeAreWaitingOnIsAReturnedCall() {
    String phone = Phones.next();
    post("/webhooks/twilio/voice/status", TwilioCalls.call("CA" + phone.substring(2) + "m", phone, "no-answer"));
    CallbackRequest missed = openRequestOf(phone);
    var call = tasks.createTaskQuery().processInstanceBusinessKey(missed.getId().toString()).singleResult();
    tasks.claim(call.getId(), "coordinator");
    tasks.complete(call.getId(), Map.of("attemptOutcome", "NO_ANSWER"));
    jobs.executeJob(jobs.createJobQuery().processInstanceId(missed.getProcessInstanceId()).singleResult().getId());

    ResponseEntity<String> answered = post("/webhooks/twilio/voice/status", TwilioCalls.call("CA" + phone.substring(2) + "r", phone, "completed"));

    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(missed.getId().toString())
        .taskDefinitionKey(CallbackProcess.TASK_PATIENT_RETURNED_CALL).count()).isEqualTo(1);
    assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(missed.getId()))
        .extracting(CallbackSignal::getChannel).containsExactly(Channel.MISSED_CALL, Channel.PHONE_CALL);
  }

  @Test
  void aVoicemailGetsItsTranscriptionWhenItArrivesLater() {
    String phone = Phones.next();
    Map<String, String> recording = new LinkedHashMap<>(Map.of(
        "RecordingSid", "RE" + phone.substring(2), "RecordingUrl", "https://api.twilio.com/recordings/RE1",
        "RecordingDuration", "23", "CallSid", "CA" + phone.substring(2) + "v", "From", phone, "To", "+14155550100",
        "AccountSid", "AC123"));

    assertThat(post("/webhooks/twilio/voice/recording", recording).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    CallbackRequest voicemail = openRequestOf(phone);
    assertThat(voicemail.getChannel()).isEqualTo(Channel.VOICEMAIL);
    assertThat(sheetOf(voicemail).get(CallSheet.PATIENT_MESSAGE).toString()).contains("not transcribed yet");

    recording.put("TranscriptionText", "Hi, this is Pat, I need to move my Thursday appointment.");
    recording.put("TranscriptionStatus", "completed");
    recording.put("TranscriptionSid", "TR1");
    assertThat(post("/webhooks/twilio/voice/recording", recording).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(voicemail.getId()))
        .singleElement().extracting(CallbackSignal::getMessage)
        .isEqualTo("Hi, this is Pat, I need to move my Thursday appointment.");
    assertThat(sheetOf(voicemail)).containsEntry(CallSheet.PATIENT_MESSAGE, "Hi, this is Pat, I need to move my Thursday appointment.");
  }

  @Test
  void simultaneousVoicemailsFromOneNumberAreOneRequest() throws Exception {
    String phone = Phones.next();
    int senders = 6;
    List<ResponseEntity<String>> answers = Concurrently.run(senders, i -> () -> post("/webhooks/twilio/voice/recording",
        Map.of("RecordingSid", "RE" + phone.substring(2) + "x" + i,
            "RecordingUrl", "https://api.twilio.com/recordings/RE" + i, "RecordingDuration", "9",
            "CallSid", "CA" + phone.substring(2) + "x" + i, "From", phone, "To", "+14155550100")));

    assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.NO_CONTENT);

    assertThat(requests.findAll().stream().filter(r -> phone.equals(r.getPatientPhone()))).hasSize(1);
    assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(openRequestOf(phone).getId())).hasSize(senders);
  }

  @Test
  void anInboundTextIsATextRequestAnsweredWithEmptyTwiml() {
    String phone = Phones.next();
    Map<String, String> text = Map.of("MessageSid", "SM" + phone.substring(2), "From", phone, "To", "+14155550100",
        "Body", "Can someone call me about my bill?", "NumMedia", "0", "AccountSid", "AC123");

    ResponseEntity<String> answer = post("/webhooks/twilio/sms", text);
    long after = signals.count();
    post("/webhooks/twilio/sms", text);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
    assertThat(answer.getBody()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    assertThat(openRequestOf(phone).getChannel()).isEqualTo(Channel.TEXT_MESSAGE);
    assertThat(openRequestOf(phone).getMessage()).isEqualTo("Can someone call me about my bill?");
    assertThat(signals.count()).isEqualTo(after);
  }

  @Test
  void aMissedCallThenAWebFormTellsUsTheName() {
    String phone = Phones.next();
    post("/webhooks/twilio/voice/status", TwilioCalls.call("CA" + phone.substring(2) + "n", phone, "no-answer"));

    http.withBasicAuth("coordinator", "demo").postForEntity("/api/callbacks", Map.of(
        "channel", "WEB_FORM", "reason", "APPOINTMENT_REQUEST",
        "patient", Map.of("name", "Robin Ames", "phone", phone)), String.class);

    assertThat(openRequestOf(phone).getPatientName()).isEqualTo("Robin Ames");
    assertThat(sheetOf(openRequestOf(phone))).containsEntry(CallSheet.PATIENT_NAME, "Robin Ames");
  }

  private CallbackRequest openRequestOf(String phone) {
    return requests.findAll().stream()
        .filter(r -> phone.equals(r.getPatientPhone()) && r.getClosedAt() == null)
        .findFirst().orElseThrow(() -> new AssertionError("no open request for " + phone));
  }

  private Map<String, Object> sheetOf(CallbackRequest request) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(request.getId().toString())
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).singleResult();
    return TaskSheet.read(tasks, task.getId());
  }

  private ResponseEntity<String> post(String path, Map<String, String> params) {
    return post(path, params, TwilioCalls.sign(CallbackLadderTest.TWILIO_AUTH_TOKEN, url(path), params));
  }

  private ResponseEntity<String> post(String path, Map<String, String> params, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    if (signature != null) {
      headers.set("X-Twilio-Signature", signature);
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    params.forEach(form::add);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  private static String url(String path) {
    return CallbackLadderTest.PUBLIC_BASE_URL + path;
  }
}
