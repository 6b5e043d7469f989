package org.callbackladder.attempt;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.contact.PatientContacts;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.practice.ScheduleProperties;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents call attempts against their request. */
@Service
public class AttemptService {

  private static final Logger log = LoggerFactory.getLogger(AttemptService.class);

  private final CallbackRequestRepository requests;
  private final CallAttemptRepository attempts;
  private final PatientContacts contacts;
  private final ScheduleProperties schedule;
  private final PracticeProperties practice;
  private final AuditLog audit;
  private final Clock clock;

  public AttemptService(
      CallbackRequestRepository requests,
      CallAttemptRepository attempts,
      PatientContacts contacts,
      ScheduleProperties schedule,
      PracticeProperties practice,
      AuditLog audit,
      Clock clock) {
    this.requests = requests;
    this.attempts = attempts;
    this.contacts = contacts;
    this.schedule = schedule;
    this.practice = practice;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public CallAttempt document(UUID callbackRequestId, int attemptNumber, String agent, AttemptReport report) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    Instant now = clock.instant();
    String dayPart = schedule.dayPartAt(now.atZone(request.patientZone(practice.timeZone())).toLocalTime()).orElse(null);
    Instant appointment = report.settled().appointmentAt();
    Integer inDays = appointment == null ? null : (int) ChronoUnit.DAYS.between(
        now.atZone(practice.timeZone()).toLocalDate(), appointment.atZone(practice.timeZone()).toLocalDate());
    CallAttempt attempt = attempts.save(CallAttempt.documented(
        callbackRequestId, attemptNumber, agent, request.getPatientPhone(), report, now, dayPart, inDays));
    request.attemptDocumented(now, agent, report.outcome().spokeWithPatient());
    // what the patient asked for holds for their number, on this request and every later one
    contacts.askedOnCall(request.getPatientPhone(), report.asked(), "call attempt " + attemptNumber, agent);
    audit.record(AuditLog.Action.ATTEMPT_DOCUMENTED, callbackRequestId, "attempt " + attemptNumber + ": " + report.outcome());
    log.info(
        "Callback request {} attempt {} documented by {}: {}",
        callbackRequestId, attemptNumber, agent, report.outcome());
    return attempt;
  }

  @Transactional(readOnly = true)
  public List<CallAttempt> attemptsOf(UUID callbackRequestId) {
    return attempts.findByCallbackRequestIdOrderByAttemptNumber(callbackRequestId);
  }
}
