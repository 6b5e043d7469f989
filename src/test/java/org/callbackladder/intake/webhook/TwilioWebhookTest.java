package org.callbackladder.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.CallSheet;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.Channel;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Concurrently;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
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

    assertThat(sign("12345", url, params)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    assertThat(new RequestValidator("12345").validate(url, params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
  }

  @Test
  void anUnansweredInboundCallIsAMissedCallAndItsReplayIsNothingNew() {
    String phone = Phones.next();
    Map<String, String> call = call("CA" + phone.substring(2) + "a", phone, "no-answer");

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
  void aWrongOrMissingSignatureIsRefusedAndStoresNothing() {
    String phone = Phones.next();
    Map<String, String> call = call("CA" + phone.substring(2) + "b", phone, "busy");
    long before = signals.count();

    ResponseEntity<String> forged = post("/webhooks/twilio/voice/status", call, sign("not-the-token", url("/webhooks/twilio/voice/status"), call));
    ResponseEntity<String> unsigned = post("/webhooks/twilio/voice/status", call, null);
    Map<String, String> tampered = new LinkedHashMap<>(call);
    String signature = sign(CallbackLadderTest.TWILIO_AUTH_TOKEN, url("/webhooks/twilio/voice/status"), call);
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
    Map<String, String> outbound = new LinkedHashMap<>(call("CAout1", Phones.next(), "no-answer"));
    outbound.put("Direction", "outbound-api");

    assertThat(post("/webhooks/twilio/voice/status", outbound).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("/webhooks/twilio/voice/status", call("CAanswered1", Phones.next(), "completed")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(signals.count()).isEqualTo(before);
  }

  @Test
  void anAnsweredCallFromAPatientWeAreWaitingOnIsAReturnedCall() {
    String phone = Phones.next();
    post("/webhooks/twilio/voice/status", call("CA" + phone.substring(2) + "m", phone, "no-answer"));
    CallbackRequest missed = openRequestOf(phone);
    var call = tasks.createTaskQuery().processInstanceBusinessKey(missed.getId().toString()).singleResult();
    tasks.claim(call.getId(), "coordinator");
    tasks.complete(call.getId(), Map.of("attemptOutcome", "NO_ANSWER"));
    jobs.executeJob(jobs.createJobQuery().processInstanceId(missed.getProcessInstanceId()).singleResult().getId());

    ResponseEntity<String> answered = post("/webhooks/twilio/voice/status", call("CA" + phone.substring(2) + "r", phone, "completed"));

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
    post("/webhooks/twilio/voice/status", call("CA" + phone.substring(2) + "n", phone, "no-answer"));

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
    return tasks.getVariablesLocal(task.getId());
  }

  static Map<String, String> call(String sid, String from, String status) {
    Map<String, String> call = new LinkedHashMap<>();
    call.put("AccountSid", "AC123");
    call.put("CallSid", sid);
    call.put("From", from);
    call.put("To", "+14155550100");
    call.put("CallStatus", status);
    call.put("Direction", "inbound");
    call.put("ApiVersion", "2010-04-01");
    return call;
  }

  private ResponseEntity<String> post(String path, Map<String, String> params) {
    return post(path, params, sign(CallbackLadderTest.TWILIO_AUTH_TOKEN, url(path), params));
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

  /** Twilio's documented algorithm: base64(HMAC-SHA1(token, url + each name and value, by name)). */
  static String sign(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
