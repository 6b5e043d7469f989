package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callbackladder.CallbackProcess;
import org.callbackladder.TaskSheet;
import org.callbackladder.closure.ClosureService;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.intake.webhook.InboundTexts;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.request.Restrictions;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The contact policy on real requests and tables: consent from intake, opt-out and back by keyword,
 * number types, and the caps counted across all requests of one number.
 */
@CallbackLadderTest
class ContactPolicyTest {

  @Autowired IntakeService intake;
  @Autowired ContactPolicy policy;
  @Autowired MessageOutbox outbox;
  @Autowired OutboxMessageRepository messages;
  @Autowired ContactDecisionRepository decisions;
  @Autowired PatientContacts contacts;
  @Autowired PatientContactChangeRepository changes;
  @Autowired InboundTexts inbound;
  @Autowired CallbackSignalRepository signals;
  @Autowired CallbackRequestRepository requests;
  @Autowired ClosureService closures;
  @Autowired TestClock clock;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired MessageRelay relay;

  @BeforeEach
  void tuesdayMorning() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @ParameterizedTest(name = "text consent {0}: {1}")
  @CsvSource(nullValues = "null", delimiter = '|', value = {
    "null  | false | no message: no text (the patient was not asked for consent to texts); no consent to email; no consent to portal messages",
    "false | false | no message: no text (the patient declined texts, intake WEB_FORM); no consent to email; no consent to portal messages",
    "true  | true  | text: consent from intake WEB_FORM on 2026-12-01",
  })
  void consentFromTheIntakeFormDecides(Boolean consent, boolean allowed, String reason) {
    CallbackRequest request = receive(Phones.next(), consent);

    assertThat(policy.message(request)).extracting(ContactPolicy.Verdict::allowed, ContactPolicy.Verdict::reason)
        .containsExactly(allowed, reason);
  }

  @Test
  void aFixedLineGetsNoTexts() {
    CallbackRequest request = receive("+442079460018", true);

    assertThat(policy.message(request).reason()).isEqualTo("no message: no text (a fixed line number cannot take texts); no consent to email; no consent to portal messages");
  }

  @Test
  void theCapsCountEveryRequestOfTheNumber() {
    String phone = Phones.next();
    CallbackRequest first = receive(phone, true);
    assertThat(outbox.queue(first.getId(), MessageKind.FOLLOW_UP, 1)).isPresent();
    closures.close(first.getId(), ClosureReason.BOOKED);

    clock.advance(Duration.ofHours(2));
    CallbackRequest second = receive(phone, true);
    assertThat(outbox.queue(second.getId(), MessageKind.FOLLOW_UP, 1)).isEmpty();
    assertThat(decisions.findByCallbackRequestIdOrderByDecidedAtAscIdAsc(second.getId())).singleElement()
        .extracting(ContactDecision::getReason).isEqualTo("no message: 1 in the last 24 hours (at most 1)");

    clock.advance(Duration.ofDays(1));
    assertThat(outbox.queue(second.getId(), MessageKind.FOLLOW_UP, 2)).isPresent();
    clock.advance(Duration.ofDays(1));
    assertThat(outbox.queue(second.getId(), MessageKind.FOLLOW_UP, 3)).isPresent();
    clock.advance(Duration.ofDays(1));
    assertThat(outbox.queue(second.getId(), MessageKind.FINAL, 4)).isEmpty();
    assertThat(policy.message(second).reason()).isEqualTo("no message: 3 this week (at most 3)");
  }

  @Test
  void stopRevokesAtOnceCancelsWhatWasQueuedAndConfirmsOnceWithoutOpeningARequest() {
    String phone = Phones.next();
    CallbackRequest request = receive(phone, true);
    OutboxMessage queued = outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    long signalsBefore = signals.count();

    inbound.receive(phone, "  Stop. ", "sms:1");
    inbound.receive(phone, "STOP", "sms:2");

    assertThat(messages.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.CANCELLED);
    assertThat(messagesTo(phone)).extracting(OutboxMessage::getKind)
        .containsExactly(MessageKind.FOLLOW_UP, MessageKind.OPT_OUT_CONFIRMATION);
    assertThat(signals.count()).as("no request, no signal").isEqualTo(signalsBefore);
    assertThat(policy.message(request).reason()).isEqualTo("no message: no text (opted out 2026-12-01 by keyword STOP); no consent to email; no consent to portal messages");
    assertThat(changes.findByPhoneOrderByChangedAtAscIdAsc(phone))
        .extracting(PatientContactChange::getField, PatientContactChange::getOldValue, PatientContactChange::getNewValue,
            PatientContactChange::getSource, PatientContactChange::getChangedBy)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("textConsent", null, "true", "intake WEB_FORM", "callback-ladder"),
            org.assertj.core.api.Assertions.tuple("textConsent", "true", "false", "keyword STOP", "patient"));

    clock.advance(Duration.ofDays(2));
    inbound.receive(phone, "start", "sms:3");
    assertThat(policy.message(request).allowed()).isTrue();
    inbound.receive(phone, "HELP", "sms:4");
    assertThat(messagesTo(phone)).extracting(OutboxMessage::getKind).endsWith(
        MessageKind.OPT_OUT_CONFIRMATION, MessageKind.OPT_IN_CONFIRMATION, MessageKind.HELP_REPLY);
    assertThat(messagesTo(phone).get(messagesTo(phone).size() - 1).getBody()).contains("Mon-Fri 08:00-18:00");
  }

  @Test
  void aMessageThatMerelyContainsStopIsThePatientsMessage() {
    String phone = Phones.next();
    CallbackRequest request = receive(phone, true);

    inbound.receive(phone, "please stop calling me after 5, I work late", "sms:9");

    assertThat(contacts.find(phone).orElseThrow().textsAllowed()).isTrue();
    assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(request.getId())).hasSize(2);
  }

  @Test
  void theCallSheetSaysWhichVoicemailAndWhichTextBeforeDialling() {
    CallbackRequest noVoicemail = intake.receive(new NewCallbackRequest("WEB_FORM", "APPOINTMENT_REQUEST",
        new NewCallbackRequest.Patient("Pat Plan", Phones.next()), null, null, null, null,
        new NewCallbackRequest.Consent(true, false, null), null)).request();
    CallbackRequest neverAsked = receive(Phones.next(), null);

    assertThat(plan(noVoicemail)).contains("Voicemail: the patient asked for none", "a follow-up text goes out (text: consent");
    assertThat(plan(neverAsked))
        .contains("Voicemail: minimal only. Say: Hello, this is Riverside Family Practice. Please call us back at (555) 010-0142.",
            "nothing will be sent (no message: no text (the patient was not asked for consent to texts)");
  }

  @Test
  void theApiListsEachTextDecisionWithoutItsWords() {
    String phone = Phones.next();
    CallbackRequest request = receive(phone, true);
    outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1);
    outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 2);

    JsonNode shown = http.withBasicAuth("manager", "demo").getForObject("/api/callbacks/" + request.getId(), JsonNode.class);

    assertThat(shown.get("messages")).hasSize(2);
    assertThat(shown.get("messages").get(0).get("allowed").asBoolean()).isTrue();
    assertThat(shown.get("messages").get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(shown.get("messages").get(0).get("channel").asText()).isEqualTo("SMS");
    assertThat(shown.get("messages").get(1).get("reason").asText()).isEqualTo("no message: 1 in the last 24 hours (at most 1)");
    assertThat(shown.get("messages").get(1).get("status").isNull()).isTrue();
    assertThat(shown.toString()).doesNotContain("Reply STOP");
  }

  private String plan(CallbackRequest request) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(request.getProcessInstanceId()).singleResult().getId();
    return (String) TaskSheet.read(engine.getTaskService(), task).get(CallbackProcess.CallSheet.CONTACT_PLAN);
  }

  @Test
  void restrictionsTickedOnAFormAreRecordedShownBeforeDiallingAndNeverLiftedByAnotherForm() {
    String phone = Phones.next();
    CallbackRequest request = intake.receive(new NewCallbackRequest("WEB_FORM", "APPOINTMENT_REQUEST",
        new NewCallbackRequest.Patient("Pat Restricted", phone), "A check-up please", null, null, null,
        new NewCallbackRequest.Consent(true, true, null), null, new Restrictions(true, true, null))).request();

    ContactPreferences recorded = contacts.preferences(phone);
    assertThat(recorded.thisNumberOnly()).isTrue();
    assertThat(recorded.textOnly()).isTrue();
    assertThat(recorded.notDuringWorkHours()).isFalse();
    assertThat(plan(request)).contains("Voicemail: the patient asked to be reached by text only. Do not leave a message.",
        "The patient asked: Call this number only. Messages by text only: no voicemail, no email, no portal message.");

    intake.receive(new NewCallbackRequest("WEB_FORM", "APPOINTMENT_REQUEST",
        new NewCallbackRequest.Patient("Pat Restricted", phone), "Any news?", null, null, null, null, null,
        new Restrictions(false, false, true)));
    ContactPreferences after = contacts.preferences(phone);
    assertThat(after.thisNumberOnly()).as("a form does not lift a restriction").isTrue();
    assertThat(after.textOnly()).isTrue();
    assertThat(after.notDuringWorkHours()).as("but adds one").isTrue();
    assertThat(after.history()).extracting(ContactPreferences.Change::field)
        .contains("thisNumberOnly", "textOnly", "notDuringWorkHours");
  }

  @Test
  void aPatientWhoAskedNotToBeContactedAtWorkIsCalledAndTextedOutsideTheirWorkHours() {
    // Tuesday 09:00 in New York: the practice is open, the patient is at work until 17:00
    String phone = Phones.next();
    CallbackRequest request = intake.receive(new NewCallbackRequest("WEB_FORM", "APPOINTMENT_REQUEST",
        new NewCallbackRequest.Patient("Pat Working", phone), "After work please", null, null, null,
        new NewCallbackRequest.Consent(true, null, null), null, new Restrictions(null, null, true))).request();

    CallbackRequest planned = requests.getRequired(request.getId());
    assertThat(planned.getNextAttemptAt()).isEqualTo(Instant.parse("2026-12-01T22:00:00Z"));
    assertThat(planned.getNextAttemptReason()).endsWith(", outside work hours as the patient asked");
    assertThat(policy.message(planned).sendAfter()).isEqualTo(Instant.parse("2026-12-01T22:00:00Z"));
    assertThat(plan(request)).contains(
        "The patient asked: Not during work hours (09:00-17:00 Mon-Fri their time): the ladder calls and texts outside them.");
  }

  /**
   * The call-attempt form's "the patient asked us to...": a text queued after the first attempt does
   * not leave, and the number's later requests get no texts and no voicemails.
   */
  @Test
  void whatThePatientAsksForOnACallHoldsForTheirNumberFromThenOn() {
    String phone = Phones.next();
    ProcessInstance ladder = Ladder.start(intake, engine, Ladder.request("WEB_FORM", "APPOINTMENT_REQUEST", "Pat Asked", phone));
    Ladder.call(engine, ladder, "NO_ANSWER", null);
    execute(job(CallbackProcess.TASK_QUEUE_FOLLOW_UP_MESSAGE, ladder));
    OutboxMessage queued = messagesTo(phone).get(0);
    execute(job(CallbackProcess.TIMER_NEXT_ATTEMPT_DUE, ladder));

    Task call = task(CallbackProcess.TASK_CALL_PATIENT, ladder);
    engine.getTaskService().claim(call.getId(), "coordinator");
    complete(call, withVariables(CallbackProcess.Vars.ATTEMPT_OUTCOME, "REACHED", CallbackProcess.Vars.RESOLUTION, "RESOLVED",
        CallbackProcess.Vars.ASKED_NO_TEXTS, true, CallbackProcess.Vars.ASKED_NO_VOICEMAIL, true,
        CallbackProcess.Vars.ASKED_TEXT_ONLY, false));

    PatientContact contact = contacts.find(phone).orElseThrow();
    assertThat(contact.getTextConsent()).isFalse();
    assertThat(contact.getOptedOutAt()).as("a spoken stop is an opt-out").isNotNull();
    assertThat(contact.getVoicemail()).isEqualTo(PatientContact.Voicemail.NOT_ALLOWED);
    assertThat(contact.isTextOnly()).isFalse();
    assertThat(changes.findByPhoneOrderByChangedAtAscIdAsc(phone))
        .filteredOn(change -> change.getSource().equals("call attempt 2"))
        .extracting(PatientContactChange::getField, PatientContactChange::getNewValue, PatientContactChange::getChangedBy)
        .containsExactly(org.assertj.core.api.Assertions.tuple("textConsent", "false", "coordinator"),
            org.assertj.core.api.Assertions.tuple("voicemail", "NOT_ALLOWED", "coordinator"));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(ladder.getId())
        .variableNameIn(CallbackProcess.Vars.PATIENT_ASKED.toArray(String[]::new)).list())
        .as("the answers left the process").allMatch(variable -> "DELETED".equals(variable.getState()));

    relay.relayDue();
    assertThat(messages.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.CANCELLED);
    CallbackRequest later = intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL", new NewCallbackRequest.Patient("Pat Asked",
        phone), null, null, null, null, new NewCallbackRequest.Consent(true, true, null), null)).request();
    assertThat(policy.message(later).reason()).as("a form does not lift it")
        .startsWith("no message: no text (opted out 2026-12-01 by call attempt 2)");
    assertThat(plan(later)).contains("Voicemail: the patient asked for none.");
  }

  @Test
  void onlyACallWhereSomeoneSpokeWithThePatientRecordsWhatTheyAsked() {
    String phone = Phones.next();
    ProcessInstance ladder = Ladder.start(intake, engine, Ladder.request("WEB_FORM", "APPOINTMENT_REQUEST", "Pat Voicemail", phone));
    Task call = task(CallbackProcess.TASK_CALL_PATIENT, ladder);
    engine.getTaskService().claim(call.getId(), "coordinator");

    assertThatThrownBy(() -> complete(call, withVariables(CallbackProcess.Vars.ATTEMPT_OUTCOME, "VOICEMAIL_LEFT",
        CallbackProcess.Vars.ASKED_NOT_DURING_WORK_HOURS, true)))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("askedNotDuringWorkHours only when someone spoke with the patient on this call");
    assertThat(contacts.find(phone).orElseThrow().isNotDuringWorkHours()).isFalse();
    assertThat(engine.getTaskService().createTaskQuery().taskId(call.getId()).count()).as("the task stays open").isOne();
  }

  @Test
  void aFormNeverLiftsAnOptOutNorAllowsVoicemailsStaffRecordedAsUnwanted() {
    String phone = Phones.next();
    receive(phone, true);
    inbound.receive(phone, "STOP", "sms:f1");
    contacts.update(phone, new ContactPreferences.Update(null, "NOT_ALLOWED", null, null, null, null, null, null, null, "phone call"));

    CallbackRequest again = intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Pat Again", phone), null, null, null, null,
        new NewCallbackRequest.Consent(true, true, null), null)).request();

    assertThat(contacts.find(phone).orElseThrow().getVoicemail()).isEqualTo(PatientContact.Voicemail.NOT_ALLOWED);
    assertThat(policy.message(again).reason()).startsWith("no message: no text (opted out");
    inbound.receive(phone, "START", "sms:f2");
    assertThat(policy.message(again).allowed()).as("the patient's own START does").isTrue();
  }

  @Test
  void yesFromANumberThatNeverOptedOutIsThePatientsAnswerAndHelpIsAnsweredOnceAnHour() {
    String phone = Phones.next();
    CallbackRequest request = receive(phone, null);

    inbound.receive(phone, "Yes", "sms:y1");
    inbound.receive(phone, "HELP", "sms:h1");
    inbound.receive(phone, "HELP", "sms:h2");

    assertThat(contacts.find(phone).map(PatientContact::getTextConsent)).as("no consent from a YES").isEmpty();
    assertThat(signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(request.getId())).hasSize(2);
    assertThat(messagesTo(phone)).extracting(OutboxMessage::getKind).containsExactly(MessageKind.HELP_REPLY);
  }

  @Test
  void textsGoToTheNumberThePatientGaveForMessagesUntilThatNumberSaysStop() {
    String phone = Phones.next();
    String other = Phones.next();
    CallbackRequest request = receive(phone, true);

    contacts.update(phone, new ContactPreferences.Update(null, null, null, null, null, null, null, other, null, "letter"));
    assertThat(policy.message(request)).satisfies(verdict -> {
      assertThat(verdict.recipient()).isEqualTo(other);
      assertThat(verdict.reason()).endsWith("to the number the patient gave for messages");
    });
    OutboxMessage queued = outbox.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    assertThat(queued.getRecipient()).isEqualTo(other);
    assertThat(queued.getPatientPhone()).isEqualTo(phone);

    // the other number's own STOP: its queued text is cancelled and no text goes there again
    inbound.receive(other, "STOP", "sms:other-stop");
    assertThat(messages.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.CANCELLED);
    assertThat(policy.message(request).reason()).startsWith("no message: no text (the number for messages opted out)");

    // "this number only" wins over the other number: texts come back to the patient's own
    contacts.update(phone, new ContactPreferences.Update(null, null, null, null, true, null, null, null, null, "phone call"));
    assertThat(policy.message(request).recipient()).isEqualTo(phone);
  }

  private CallbackRequest receive(String phone, Boolean textConsent) {
    return intake.receive(new NewCallbackRequest("WEB_FORM", "APPOINTMENT_REQUEST",
        new NewCallbackRequest.Patient("Pat Policy", phone), "A check-up please", null, null, null,
        new NewCallbackRequest.Consent(textConsent, null, null), null)).request();
  }

  private List<OutboxMessage> messagesTo(String phone) {
    return messages.findByRecipientOrderById(phone);
  }
}
