package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.callbackladder.CallbackProcess;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.RequestStatus;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.callbackladder.support.WebappLogin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may do what, as an adversary would try it: every row is one way into a patient's ladder or
 * record, tried by every role through engine-rest and through the webapps' own engine API
 * ({@code /camunda/api/engine/}), and by an INTAKE and a FULL API token. A caller not named in the
 * row is refused (4xx, no patient data in the answer) and nothing changes: the request keeps its
 * one running ladder, in its queue, with its open task, and nobody gained a group.
 *
 * <p>A feature that adds a task, message, endpoint, group or grant adds its rows here.
 */
@CallbackLadderTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionTest {

  static final String PATIENT = "Perri Mission";

  /** Who tries: the demo users by password, API tokens acting as the coordinator. */
  enum Caller {
    COORDINATOR("coordinator", "tasklist"),
    REFERRALS("referrals", "tasklist"),
    CLINICIAN("clinician", "tasklist"),
    MANAGER("manager", "tasklist"),
    OPERATIONS("operations", "cockpit"),
    INTAKE_TOKEN("coordinator", null),
    FULL_TOKEN("coordinator", null);

    final String user;
    final String webapp;

    Caller(String user, String webapp) {
      this.user = user;
      this.webapp = webapp;
    }
  }

  enum Via { ENGINE_REST, WEBAPP }

  /**
   * One way in: which finding it reproduces, the call (a path below the engine's root, or an
   * absolute one starting with /api or /actuator), and who may make it.
   */
  record Row(String finding, boolean engine, HttpMethod method, Function<PermissionTest, String> path,
      Function<PermissionTest, String> body, Set<Caller> allowed, MediaType type) {

    @Override
    public String toString() {
      return finding;
    }
  }

  static final List<Row> ROWS = List.of(
      // the control: the request's own queue and managers read its task and call sheet, by either way in
      row("0 read the call sheet", HttpMethod.GET, t -> "/task/" + t.task().getId() + "/form-variables", t -> null,
          Caller.REFERRALS, Caller.MANAGER),
      row("1 start message for a stored request", HttpMethod.POST, t -> "/message",
          t -> "{\"messageName\": \"" + CallbackProcess.MSG_CALLBACK_REQUESTED + "\", \"businessKey\": \"" + t.requestId() + "\","
              + " \"processVariables\": {\"callbackRequestId\": {\"value\": \"" + t.requestId() + "\"},"
              + " \"channel\": {\"value\": \"WEB_FORM\"}, \"reason\": {\"value\": \"GENERAL\"}}}"),
      row("1 additional request into a ladder", HttpMethod.POST, t -> "/message",
          t -> "{\"messageName\": \"" + CallbackProcess.MSG_ADDITIONAL_REQUEST + "\", \"businessKey\": \"" + t.requestId() + "\"}"),
      row("1 patient called back into a ladder", HttpMethod.POST, t -> "/message",
          t -> "{\"messageName\": \"" + CallbackProcess.MSG_PATIENT_CALLED_BACK + "\", \"businessKey\": \"" + t.requestId() + "\"}"),
      row("1 find a ladder by message", HttpMethod.POST, t -> "/message",
          t -> "{\"messageName\": \"" + CallbackProcess.MSG_ADDITIONAL_REQUEST + "\", \"all\": true,"
              + " \"correlationKeys\": {\"reason\": {\"value\": \"REFERRAL_QUESTION\"}}}"),
      row("1 run a ladder's timer by hand", HttpMethod.POST, t -> "/job/" + t.job().getId() + "/execute", t -> null),
      row("1 take a waiting job's retries", HttpMethod.PUT, t -> "/job/" + t.job().getId() + "/retries", t -> "{\"retries\": 0}"),
      row("1 weaken a waiting timer", HttpMethod.PUT, t -> "/job/" + t.job().getId() + "/retries", t -> "{\"retries\": 1}"),
      row("1 weaken every waiting job of a ladder", HttpMethod.POST, t -> "/process-instance/job-retries",
          t -> "{\"processInstances\": [\"" + t.ladder.getId() + "\"], \"retries\": 1}"),
      row("1 weaken waiting jobs by query", HttpMethod.POST, t -> "/job/retries",
          t -> "{\"jobQuery\": {\"processInstanceId\": \"" + t.ladder.getId() + "\"}, \"retries\": 1}"),
      row("1 send a signal", HttpMethod.POST, t -> "/signal", t -> "{\"name\": \"anything\"}"),
      row("1 move a ladder's timer", HttpMethod.POST, t -> "/job/retries",
          t -> "{\"jobIds\": [\"" + t.job().getId() + "\"], \"retries\": 5, \"dueDate\": \"2098-01-01T00:00:00.000+0000\"}"),
      row("1 move a ladder's timer directly", HttpMethod.PUT, t -> "/job/" + t.job().getId() + "/duedate",
          t -> "{\"duedate\": \"2098-01-01T00:00:00.000+0000\"}"),
      row("4 search ladders by a variable inside an or-query", HttpMethod.POST, t -> "/process-instance",
          t -> "{\"orQueries\": [{\"variables\": [{\"name\": \"queue\", \"operator\": \"eq\","
              + " \"value\": \"referral-coordinators\"}]}]}"),
      row("7 keep something extra in a request entered by hand", HttpMethod.POST,
          t -> "/process-definition/key/" + CallbackProcess.NEW_REQUEST_PROCESS_KEY + "/submit-form",
          t -> "{\"variables\": {\"channel\": {\"value\": \"MANUAL\"}, \"reason\": {\"value\": \"GENERAL\"},"
              + " \"patientPhone\": {\"value\": \"+14155550111\"}, \"extraNotes\": {\"value\": \"kept in history\"}}}"),
      row("4 search ladders by a variable", HttpMethod.GET, t -> "/process-instance/count?variables=queue_eq_referral-coordinators",
          t -> null),
      row("4 search history by a variable", HttpMethod.GET, t -> "/history/process-instance/count?variables=queue_eq_referral-coordinators",
          t -> null),
      row("4 search task history by a variable", HttpMethod.GET,
          t -> "/history/task/count?processVariables=queue_eq_referral-coordinators", t -> null),
      row("3 keep something of one's own in the ladder", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/submit-form",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"NO_ANSWER\"}, \"MaxAttempts\": {\"value\": 9}}}"),
      row("2 start the ladder", HttpMethod.POST, t -> "/process-definition/key/PatientCallback/start",
          t -> "{\"businessKey\": \"" + t.requestId() + "\", \"variables\": " + t.ladderVariables() + "}"),
      row("2 start the ladder at the call task", HttpMethod.POST, t -> "/process-definition/key/PatientCallback/start",
          t -> "{\"skipCustomListeners\": true, \"startInstructions\": [{\"type\": \"startBeforeActivity\","
              + " \"activityId\": \"" + CallbackProcess.TASK_CALL_PATIENT + "\"}], \"variables\": " + t.ladderVariables() + "}"),
      row("2 submit the ladder's start form", HttpMethod.POST, t -> "/process-definition/key/PatientCallback/submit-form",
          t -> "{\"businessKey\": \"" + t.requestId() + "\", \"variables\": " + t.ladderVariables() + "}"),
      row("3 join practice managers", HttpMethod.PUT, t -> "/group/" + Groups.PRACTICE_MANAGERS + "/members/" + t.caller.user,
          t -> null),
      row("3 join the clinical team", HttpMethod.PUT, t -> "/group/" + Groups.CLINICAL_TEAM + "/members/" + t.caller.user,
          t -> null),
      row("3 set a ladder's variables", HttpMethod.POST, t -> "/process-instance/" + t.ladder.getId() + "/variables",
          t -> "{\"modifications\": {\"queue\": {\"value\": \"" + Groups.CALLBACK_COORDINATORS + "\"}}}"),
      row("3 modify a ladder", HttpMethod.POST, t -> "/process-instance/" + t.ladder.getId() + "/modification",
          t -> "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"" + CallbackProcess.TASK_CALL_PATIENT + "\"}]}"),
      row("3 suspend a ladder", HttpMethod.PUT, t -> "/process-instance/" + t.ladder.getId() + "/suspended",
          t -> "{\"suspended\": true}"),
      row("3 cancel a ladder", HttpMethod.DELETE, t -> "/process-instance/" + t.ladder.getId(), t -> null),
      row("3 migrate a ladder", HttpMethod.POST, t -> "/migration/execute",
          t -> "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"" + t.ladder.getProcessDefinitionId() + "\","
              + " \"targetProcessDefinitionId\": \"" + t.ladder.getProcessDefinitionId() + "\", \"instructions\": []},"
              + " \"processInstanceIds\": [\"" + t.ladder.getId() + "\"]}"),
      row("3 steer a ladder by completing its task with its facts", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"WRONG_NUMBER\"},"
              + " \"callbackRequestId\": {\"value\": \"" + t.otherRequestId() + "\"}}}"),
      row("3 steer a ladder through its task's form", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/submit-form",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"NO_ANSWER\"},"
              + " \"queue\": {\"value\": \"" + Groups.CALLBACK_COORDINATORS + "\"}}}"),
      row("3 point a task's form at another request", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/submit-form",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"WRONG_NUMBER\"},"
              + " \"callbackRequestId\": {\"value\": \"" + t.otherRequestId() + "\"}}}"),
      row("3 copy the patient's details into the ladder", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/submit-form",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"NO_ANSWER\"}, \"patientName\": {\"value\": \"x\"}}}"),
      row("3 resolve a task with the ladder's facts", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/resolve",
          t -> "{\"variables\": {\"maxAttempts\": {\"value\": 99}}}"),
      row("3 move a task to another queue", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/identity-links",
          t -> "{\"groupId\": \"" + Groups.CALLBACK_COORDINATORS + "\", \"type\": \"candidate\"}"),
      row("3 take a task out of its queue", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/identity-links/delete",
          t -> "{\"groupId\": \"" + Groups.REFERRAL_COORDINATORS + "\", \"type\": \"candidate\"}"),
      row("3 hand a task to operations", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/assignee",
          t -> "{\"userId\": \"operations\"}"),
      row("3 claim a task for someone else", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/claim",
          t -> "{\"userId\": \"operations\"}"),
      row("3 delegate a task to operations", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/delegate",
          t -> "{\"userId\": \"operations\"}"),
      row("3 start a request by hand past its checks", HttpMethod.POST,
          t -> "/process-definition/key/" + CallbackProcess.NEW_REQUEST_PROCESS_KEY + "/start",
          t -> "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"EndEvent_RequestHandedIn\"}]}"),
      row("3 keep patient words in a task comment", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/comment/create",
          t -> "{\"message\": \"the patient said ...\"}"),
      row("3 set a task's variables", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/variables",
          t -> "{\"modifications\": {\"maxAttempts\": {\"value\": 1}}}"),
      row("3 change a task's due date", HttpMethod.PUT, t -> "/task/" + t.task().getId(),
          t -> "{\"name\": \"Call patient\", \"due\": \"2030-01-01T00:00:00.000+0000\", \"priority\": 1}"),
      row("3 end a ladder with a BPMN error at its task", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/bpmnError",
          t -> "{\"errorCode\": \"NoCallingWindow\"}"),
      appRow("4 read another queue's request", HttpMethod.GET, t -> "/api/callbacks/" + t.requestId(), t -> null,
          Caller.REFERRALS, Caller.MANAGER),
      appRow("7 list the missed calls we cannot return", HttpMethod.GET, t -> "/api/uncallable-signals", t -> null,
          Caller.MANAGER),
      appRow("6 metrics", HttpMethod.GET, t -> "/actuator/metrics", t -> null, Caller.OPERATIONS),
      appRow("12 scrape the metrics for alerting", HttpMethod.GET, t -> "/actuator/prometheus", t -> null, Caller.OPERATIONS),
      appRow("12 read a period's figures", HttpMethod.GET, t -> "/api/reports/summary?from=2026-11-01&to=2026-12-31&groupBy=queue",
          t -> null, Caller.MANAGER),
      appRow("12 export a period's figures", HttpMethod.GET, t -> "/api/reports/summary.csv?from=2026-11-01&to=2026-12-31",
          t -> null, Caller.MANAGER),
      appRow("12 compare two periods", HttpMethod.GET, t -> "/api/reports/compare?beforeFrom=2026-11-01&beforeTo=2026-11-30"
          + "&afterFrom=2026-12-01&afterTo=2026-12-31", t -> null, Caller.MANAGER),
      appRow("12 list every open request", HttpMethod.GET, t -> "/api/reports/unresolved", t -> null, Caller.MANAGER),
      appRow("12 list the reviews and their actions", HttpMethod.GET, t -> "/api/reviews", t -> null, Caller.MANAGER),
      row("13 create a free-floating task with a patient in its name", HttpMethod.POST, t -> "/task/create",
          t -> "{\"id\": \"free-" + UUID.randomUUID() + "\", \"name\": \"Call " + PATIENT + " back\"}"),
      appRow("13 close a request outside its ladder", HttpMethod.POST, t -> "/api/callbacks/" + t.freshRequest() + "/close",
          t -> "{\"reason\": \"DUPLICATE\", \"note\": \"entered twice\"}", Caller.MANAGER),
      appRow("13 correct the patient's details on a request of one's queue", HttpMethod.PATCH,
          t -> "/api/callbacks/" + t.requestId() + "/patient", t -> "{\"preferredTimes\": \"weekday mornings\"}",
          Caller.REFERRALS, Caller.MANAGER),
      row("13 route a reached patient to a queue the practice does not route to", HttpMethod.POST,
          t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"REACHED\"}, \"resolution\": {\"value\": \"ROUTED\"},"
              + " \"routedTo\": {\"value\": \"clinical-team\"}}}"),
      row("13 schedule again with free text for the patient's time zone", HttpMethod.POST,
          t -> "/task/" + t.resolveCallingWindow().getId() + "/complete",
          t -> "{\"variables\": {\"correctionDecision\": {\"value\": \"SCHEDULE_AGAIN\"},"
              + " \"correctedTimeZone\": {\"value\": \"at " + PATIENT + "'s sister's\"}}}"),
      row("13 decide a request with no time to call with a decision the form does not offer", HttpMethod.POST,
          t -> "/task/" + t.resolveCallingWindow().getId() + "/complete",
          t -> "{\"variables\": {\"correctionDecision\": {\"value\": \"FORGET_IT\"}}}"),
      row("13 enter the disconnected number again as the one found", HttpMethod.POST,
          t -> "/task/" + t.findAnotherNumber().getId() + "/complete",
          t -> "{\"variables\": {\"correctionDecision\": {\"value\": \"SCHEDULE_AGAIN\"},"
              + " \"correctedPhone\": {\"value\": \"" + t.disconnected.getPatientPhone() + "\"}}}"),
      row("13 read the notice of a request entered by hand", HttpMethod.GET, t -> "/task/" + t.notice().getId() + "/form-variables",
          t -> null, Caller.COORDINATOR, Caller.FULL_TOKEN, Caller.MANAGER),
      row("13 book an appointment without saying when", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"REACHED\"}, \"resolution\": {\"value\": \"BOOKED\"}}}"),
      row("13 schedule the next call on a Saturday at the patient's word", HttpMethod.POST,
          t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"REACHED\"}, \"resolution\":"
              + " {\"value\": \"CALL_AT_CHOSEN_TIME\"}, \"callBackAt\": {\"value\": \"2026-12-05T10:00\"}}}"),
      row("12 start a daily review by hand", HttpMethod.POST,
          t -> "/process-definition/key/" + CallbackProcess.DAILY_REVIEW_PROCESS_KEY + "/start", t -> "{}"),
      row("12 start a weekly review at its task with a sheet of one's own", HttpMethod.POST,
          t -> "/process-definition/key/" + CallbackProcess.WEEKLY_REVIEW_PROCESS_KEY + "/start",
          t -> "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \""
              + CallbackProcess.TASK_WEEKLY_REVIEW + "\"}], \"variables\": {\"reviewSheet\": {\"value\": \"all is well\"}}}"),
      row("6 deploy without a body", HttpMethod.POST, t -> "/deployment/create", t -> null),
      multipartRow("6 deploy with an empty form", HttpMethod.POST, t -> "/deployment/create"),
      bodiless("6 correlate without a body", "/message"),
      bodiless("6 start a request by hand without a body", "/process-definition/key/NewCallbackRequest/start"),
      bodiless("6 complete a task without a body", "/task/unknown/complete"),
      bodiless("6 send a signal without a body", "/signal"),
      bodiless("6 create a grant without a body", "/authorization/create"),
      bodiless("6 create a user without a body", "/user/create"),
      row("10 read an urgent clinical callback's sheet", HttpMethod.GET,
          t -> "/task/" + t.urgentTask().getId() + "/form-variables", t -> null, Caller.CLINICIAN, Caller.MANAGER),
      row("10 read an urgent clinical callback's variables", HttpMethod.GET,
          t -> "/task/" + t.urgentTask().getId() + "/variables", t -> null, Caller.CLINICIAN, Caller.MANAGER),
      row("10 claim an urgent clinical callback for a coordinator", HttpMethod.POST,
          t -> "/task/" + t.urgentTask().getId() + "/claim", t -> "{\"userId\": \"coordinator\"}"),
      row("10 hand an urgent clinical callback to a coordinator", HttpMethod.POST,
          t -> "/task/" + t.urgentTask().getId() + "/assignee", t -> "{\"userId\": \"coordinator\"}"),
      row("10 close a clinical hand-off as handled without a clinician", HttpMethod.POST,
          t -> "/task/" + t.urgentTask().getId() + "/complete",
          t -> "{\"variables\": {\"clinicalOutcome\": {\"value\": \"NOT_AN_OUTCOME\"}}}"),
      row("10 call off a red flag by message", HttpMethod.POST, t -> "/message",
          t -> "{\"messageName\": \"" + CallbackProcess.MSG_RED_FLAG_RAISED + "\", \"businessKey\": \"" + t.requestId()
              + "\", \"processVariables\": {\"screening\": {\"value\": \"NONE\"}}}"),
      row("10 raise a clinical hand-off from a task", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/bpmnEscalation",
          t -> "{\"escalationCode\": \"" + CallbackProcess.ESCALATION_CLINICAL_HAND_OFF + "\"}"),
      row("10 trigger a ladder's red-flag message at its execution", HttpMethod.POST,
          t -> "/execution/" + t.redFlagExecution() + "/messageSubscriptions/" + CallbackProcess.MSG_RED_FLAG_RAISED + "/trigger",
          t -> "{}"),
      row("10 write free text into a choice of the call form", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"NO_ANSWER\"}, \"resolution\": {\"value\": \"says "
              + PATIENT + " is dizzy\"}}}"),
      row("11 record what the patient asked on a call nobody answered", HttpMethod.POST,
          t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"NO_ANSWER\"}, \"askedNoTexts\": {\"value\": true}}}"),
      row("11 tick what the patient asked with a word the form never sends", HttpMethod.POST,
          t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"REACHED\"}, \"resolution\": {\"value\": \"RESOLVED\"},"
              + " \"askedNoTexts\": {\"value\": \"TRUE\"}}}"),
      row("10 carry another form's answers", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": {\"attemptOutcome\": {\"value\": \"NO_ANSWER\"}, \"exceptionDecision\": {\"value\": \"CLOSE\"}}}"),
      row("10 take an urgent clinical callback as a manager", HttpMethod.POST,
          t -> "/task/" + t.urgentTask().getId() + "/assignee", t -> "{\"userId\": \"manager\"}"),
      appRow("11 read a patient number's contact preferences", HttpMethod.GET,
          t -> "/api/patients/" + t.request.getPatientPhone() + "/contact-preferences", t -> null,
          Caller.COORDINATOR, Caller.REFERRALS, Caller.CLINICIAN, Caller.MANAGER, Caller.FULL_TOKEN),
      appRow("11 change a patient number's contact preferences", HttpMethod.PUT,
          t -> "/api/patients/" + t.request.getPatientPhone() + "/contact-preferences",
          t -> "{\"voicemail\": \"MINIMAL_ONLY\", \"source\": \"permission test\"}",
          Caller.COORDINATOR, Caller.REFERRALS, Caller.CLINICIAN, Caller.MANAGER, Caller.FULL_TOKEN),
      appRow("11 list the messages that could not leave", HttpMethod.GET, t -> "/api/messages/failed", t -> null,
          Caller.OPERATIONS, Caller.MANAGER),
      appRow("11 send a failed message again", HttpMethod.POST, t -> "/api/messages/" + t.failedMessage + "/retry",
          t -> null, Caller.OPERATIONS, Caller.MANAGER),
      appRow("10 read a flagged request", HttpMethod.GET, t -> "/api/callbacks/" + t.urgent.getId(), t -> null,
          Caller.CLINICIAN, Caller.MANAGER),
      row("6 complete a task that does not exist", HttpMethod.POST, t -> "/task/unknown/complete", t -> "{}"),
      row("6 delete a ladder's task", HttpMethod.DELETE, t -> "/task/" + t.task().getId(), t -> null),
      row("6 restart a running ladder", HttpMethod.POST, t -> "/process-definition/" + t.ladder.getProcessDefinitionId() + "/restart",
          t -> "{\"processInstanceIds\": [\"" + t.ladder.getId() + "\"], \"instructions\": [{\"type\": \"startBeforeActivity\","
              + " \"activityId\": \"" + CallbackProcess.TASK_CALL_PATIENT + "\"}]}"),
      row("6 evaluate conditions with nothing to evaluate", HttpMethod.POST, t -> "/condition", t -> "{}"),
      row("6 read the variables of a task that does not exist", HttpMethod.GET, t -> "/task/unknown/variables", t -> null),
      row("6 complete a task with variables of the wrong shape", HttpMethod.POST, t -> "/task/" + t.task().getId() + "/complete",
          t -> "{\"variables\": [1]}"),
      row("6 start a request by hand with nothing filled in", HttpMethod.POST,
          t -> "/process-definition/key/" + CallbackProcess.NEW_REQUEST_PROCESS_KEY + "/start", t -> "{}"));

  /** A call below the engine's root, made through engine-rest and the webapps' engine API. */
  static Row row(String finding, HttpMethod method, Function<PermissionTest, String> path,
      Function<PermissionTest, String> body, Caller... allowed) {
    return new Row(finding, true, method, path, body, Set.of(allowed), MediaType.APPLICATION_JSON);
  }

  /** A multipart call below the engine's root with no parts at all. */
  static Row multipartRow(String finding, HttpMethod method, Function<PermissionTest, String> path) {
    return new Row(finding, true, method, path, t -> null, Set.of(), MediaType.MULTIPART_FORM_DATA);
  }

  /** A POST below the engine's root without a body or a content type, as a careless client sends it. */
  static Row bodiless(String finding, String path) {
    return new Row(finding, true, HttpMethod.POST, t -> path, t -> null, Set.of(), null);
  }

  /** A call to the application's own endpoints. */
  static Row appRow(String finding, HttpMethod method, Function<PermissionTest, String> path,
      Function<PermissionTest, String> body, Caller... allowed) {
    return new Row(finding, false, method, path, body, Set.of(allowed), MediaType.APPLICATION_JSON);
  }

  @Autowired TestRestTemplate http;
  @Autowired IntakeService intake;
  @Autowired ProcessEngine engine;
  @Autowired CallbackRequestRepository requests;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApiTokens tokens;

  private ProcessInstance ladder;
  /** A request whose words screened as a possible emergency: its ladder waits at an Urgent clinical callback. */
  private CallbackRequest urgent;
  private Date dueBefore;
  private CallbackRequest request;
  private CallbackRequest other;
  /** A Tokyo patient: practice hours and their day never meet, so a manager has "Resolve calling window". */
  private CallbackRequest noTimeToCall;
  /** A number found disconnected on its first call: a manager has "Find another number". */
  private CallbackRequest disconnected;
  /** "Added to the patient's open request": the coordinator entered the other request's patient again by hand. */
  private ProcessInstance enteredAgain;
  /** A follow-up text to the request's patient that the provider refused for good. */
  private long failedMessage;
  private Caller caller = Caller.COORDINATOR;
  private final Map<Caller, String> tokenSecrets = new LinkedHashMap<>();
  private final Map<Caller, WebappLogin.Session> sessions = new LinkedHashMap<>();

  @BeforeAll
  void aReferralRequestAndAnother() {
    request = intake.receive(Ladder.request("WEB_FORM", "REFERRAL_QUESTION", PATIENT, Phones.next())).request();
    other = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Otto Other", Phones.next())).request();
    urgent = intake.receive(new NewCallbackRequest("VOICEMAIL", "GENERAL", new NewCallbackRequest.Patient(PATIENT, Phones.next()),
        "my wife collapsed and is not breathing", null, null)).request();
    noTimeToCall = intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Tomo Far", Phones.next(), null, null, null, "Asia/Tokyo"), null, null, null)).request();
    disconnected = intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Dora Gone", Phones.next())).request();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(disconnected.getProcessInstanceId())
        .singleResult().getId(), Map.of("attemptOutcome", "DISCONNECTED", "outsideWindowReason", "URGENT"));
    engine.getIdentityService().setAuthentication("coordinator", List.of(Groups.CALLBACK_COORDINATORS));
    try {
      enteredAgain = engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(CallbackProcess.NEW_REQUEST_PROCESS_KEY).latestVersion().singleResult().getId(),
          Map.of("patientName", "Otto Other", "patientPhone", other.getPatientPhone(), "reason", "GENERAL", "channel", "MANUAL"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    ladder = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId()).singleResult();
    dueBefore = job().getDuedate();
    failedMessage = new SimpleJdbcInsert(jdbc).withTableName("outbox_message").usingGeneratedKeyColumns("id")
        .usingColumns("callback_request_id", "kind", "attempt_number", "channel", "patient_phone", "recipient", "body", "status",
            "created_at", "last_error")
        .executeAndReturnKey(Map.of("callback_request_id", request.getId(), "kind", "FOLLOW_UP", "attempt_number", 1,
            "channel", "SMS", "patient_phone", request.getPatientPhone(), "recipient", request.getPatientPhone(), "body", "text",
            "status", "FAILED", "created_at", Timestamp.from(Instant.now()), "last_error", "Twilio 400 error 21211"))
        .longValue();
    tokenSecrets.put(Caller.INTAKE_TOKEN, tokens.issue(new ApiTokens.Request("Permission test intake", "coordinator", "INTAKE", 1), "admin").secret());
    tokenSecrets.put(Caller.FULL_TOKEN, tokens.issue(new ApiTokens.Request("Permission test full", "coordinator", "FULL", 1), "admin").secret());
  }

  /** A request of its own for a call that would close it. */
  UUID freshRequest() {
    return intake.receive(Ladder.request("WEB_FORM", "GENERAL", "Fresh Patient", Phones.next())).request().getId();
  }

  Stream<Arguments> everyWayInByEveryone() {
    List<Arguments> cases = new ArrayList<>();
    for (Row row : ROWS) {
      for (Caller who : Caller.values()) {
        cases.add(Arguments.of(row, who, Via.ENGINE_REST));
        if (row.engine() && who.webapp != null) {
          cases.add(Arguments.of(row, who, Via.WEBAPP));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "finding {0}: {1} through {2}")
  @MethodSource("everyWayInByEveryone")
  void onlyThoseNamedGetIn(Row row, Caller who, Via via) {
    caller = who;
    List<String> groupsBefore = groupsOf(who.user);

    ResponseEntity<String> answer = call(row, who, via);

    int status = answer.getStatusCode().value();
    if (row.allowed().contains(who)) {
      assertThat(status).as(answer.getBody()).isBetween(200, 299);
      return;
    }
    assertThat(status).as("refused with a 4xx: " + answer.getBody()).isBetween(400, 499);
    assertThat(String.valueOf(answer.getBody())).doesNotContain(PATIENT).doesNotContain(request.getPatientPhone())
        .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z.]+(Exception|Dto)");
    if (!(row.path().apply(this) + row.body().apply(this)).contains(ladder.getId())) {
      assertThat(String.valueOf(answer.getBody())).as("nor which ladder matched").doesNotContain(ladder.getId());
    }
    assertThat(groupsOf(who.user)).as("no group gained").isEqualTo(groupsBefore);
    ladderUnchanged();
  }

  /** The request keeps its one running ladder, in its queue, waiting at its open, unclaimed task. */
  private void ladderUnchanged() {
    CallbackRequest now = requests.findById(request.getId()).orElseThrow();
    assertThat(now.getStatus()).isEqualTo(RequestStatus.OPEN);
    assertThat(now.getProcessInstanceId()).isEqualTo(ladder.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(requestId()).list())
        .singleElement().satisfies(instance -> {
          assertThat(instance.getId()).isEqualTo(ladder.getId());
          assertThat(instance.isSuspended()).isFalse();
        });
    assertThat(engine.getRuntimeService().getVariables(ladder.getId()))
        .containsEntry(CallbackProcess.Vars.QUEUE, Groups.REFERRAL_COORDINATORS)
        .containsEntry(CallbackProcess.Vars.CALLBACK_REQUEST_ID, requestId())
        .containsEntry(CallbackProcess.Vars.MAX_ATTEMPTS, 3);
    Task task = task();
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse(
        (String) engine.getRuntimeService().getVariable(ladder.getId(), CallbackProcess.Vars.ATTEMPT_DUE_AT)).toInstant()));
    assertThat(engine.getTaskService().getVariables(task.getId())).doesNotContainKey("attemptOutcome");
    assertThat(job().getRetries()).as("the response window's timer keeps its retries").isEqualTo(3);
    assertThat(job().getDuedate()).as("and its time").isEqualTo(dueBefore);
    assertThat(urgentTask()).as("the urgent clinical callback stays open").isNotNull();
    assertThat(urgentTask().getAssignee()).as("and unclaimed").isNull();
    assertThat(engine.getRuntimeService().getVariable(urgent.getProcessInstanceId(), CallbackProcess.Vars.SCREENING))
        .isEqualTo("EMERGENCY");
  }

  private ResponseEntity<String> call(Row row, Caller who, Via via) {
    String path = row.path().apply(this);
    HttpHeaders headers = new HttpHeaders();
    if (row.type() != null) {
      headers.setContentType(row.type());
    }
    // JSON first, anything else (Prometheus' text format) after it
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.valueOf("application/problem+json"),
        MediaType.valueOf("*/*;q=0.1")));
    String url;
    if (via == Via.WEBAPP) {
      sessions.computeIfAbsent(who, this::signIn).addTo(headers);
      url = "/camunda/api/engine/engine/default" + path;
    } else {
      if (tokenSecrets.containsKey(who)) {
        headers.setBearerAuth(tokenSecrets.get(who));
      } else {
        headers.setBasicAuth(who.user, "demo");
      }
      url = row.engine() ? "/engine-rest" + path : path;
    }
    return http.exchange(url, row.method(), new HttpEntity<>(row.body().apply(this), headers), String.class);
  }

  private WebappLogin.Session signIn(Caller who) {
    WebappLogin.Session session = WebappLogin.session(http, who.webapp, who.user, "demo");
    assertThat(session.signedIn()).as(who + " signs in to " + who.webapp).isTrue();
    return session;
  }

  private List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).orderByGroupId().asc().list().stream()
        .map(group -> group.getId()).toList();
  }

  String requestId() {
    return request.getId().toString();
  }

  String otherRequestId() {
    return other.getId().toString();
  }

  String ladderVariables() {
    return "{\"callbackRequestId\": {\"value\": \"" + requestId() + "\"}, \"channel\": {\"value\": \"WEB_FORM\"},"
        + " \"reason\": {\"value\": \"GENERAL\"}, \"queue\": {\"value\": \"" + caller.user + "\"},"
        + " \"priority\": {\"value\": 50}, \"attemptNumber\": {\"value\": 1}, \"maxAttempts\": {\"value\": 3},"
        + " \"attemptDueAt\": {\"value\": \"2030-01-01T00:00:00Z\"}}";
  }

  Job job() {
    return engine.getManagementService().createJobQuery().processInstanceId(ladder.getId()).singleResult();
  }

  Task task() {
    return engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId()).singleResult();
  }

  String redFlagExecution() {
    return engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(ladder.getId())
        .eventName(CallbackProcess.MSG_RED_FLAG_RAISED).singleResult().getExecutionId();
  }

  Task findAnotherNumber() {
    return engine.getTaskService().createTaskQuery().processInstanceId(disconnected.getProcessInstanceId())
        .taskDefinitionKey(CallbackProcess.TASK_FIND_ANOTHER_NUMBER).singleResult();
  }

  Task notice() {
    return engine.getTaskService().createTaskQuery().processInstanceId(enteredAgain.getId()).singleResult();
  }

  Task resolveCallingWindow() {
    return engine.getTaskService().createTaskQuery().processInstanceId(noTimeToCall.getProcessInstanceId())
        .taskDefinitionKey(CallbackProcess.TASK_RESOLVE_CALLING_WINDOW).singleResult();
  }

  Task urgentTask() {
    return engine.getTaskService().createTaskQuery().processInstanceId(urgent.getProcessInstanceId())
        .taskDefinitionKey(CallbackProcess.TASK_URGENT_CLINICAL_CALLBACK).singleResult();
  }
}
