package org.callbackladder.intake;

import static org.callbackladder.CallbackProcess.MSG_ADDITIONAL_REQUEST;
import static org.callbackladder.CallbackProcess.MSG_CALLBACK_REQUESTED;
import static org.callbackladder.CallbackProcess.MSG_PATIENT_CALLED_BACK;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.contact.PatientContacts;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.Channel;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.OpenCallback;
import org.callbackladder.request.OpenCallbackRepository;
import org.callbackladder.request.RequestDetails;
import org.callbackladder.request.Screening;
import org.callbackladder.screening.RedFlags;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a signal into exactly one owned request per patient need. The same event delivered twice
 * stores nothing new; a signal from a patient (by phone number) whose request is still open joins
 * that request; anything else opens a request and starts its ladder, in the same transaction.
 */
@Service
public class IntakeService {

  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
  private static final int ATTEMPTS = 3;

  private final CallbackRequestValidator validator;
  private final CallbackRequestRepository requests;
  private final CallbackSignalRepository signals;
  private final OpenCallbackRepository openCallbacks;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final AuditLog audit;
  private final RedFlags redFlags;
  private final PatientContacts contacts;
  private final PracticeProperties practice;
  private final MeterRegistry meters;
  private final Clock clock;

  public IntakeService(
      CallbackRequestValidator validator,
      CallbackRequestRepository requests,
      CallbackSignalRepository signals,
      OpenCallbackRepository openCallbacks,
      RuntimeService runtimeService,
      PlatformTransactionManager transactionManager,
      AuditLog audit,
      RedFlags redFlags,
      PatientContacts contacts,
      PracticeProperties practice,
      MeterRegistry meters,
      Clock clock) {
    this.validator = validator;
    this.requests = requests;
    this.signals = signals;
    this.openCallbacks = openCallbacks;
    this.runtimeService = runtimeService;
    // always a transaction of its own: after a lost race it is rolled back and tried afresh
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.audit = audit;
    this.redFlags = redFlags;
    this.contacts = contacts;
    this.practice = practice;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Validates the signal, then opens, joins or recognizes a request. {@code eventId} (the
   * channel's event id or an Idempotency-Key) is used when the input has no externalId. Two
   * signals for one number at once: one opens the request, the other finds it open and joins it.
   */
  public IntakeResult receive(NewCallbackRequest input, String eventId) {
    return receiveValid(validated(input, eventId), input.isReturnCall());
  }

  public IntakeResult receive(NewCallbackRequest input) {
    return receive(input, null);
  }

  /** Like {@link #receive}, for signals that matter only to a patient with an open request. */
  public Optional<IntakeResult> receiveIfOpen(NewCallbackRequest input, String eventId) {
    RequestDetails details = validated(input, eventId);
    if (openCallbacks.findById(details.patientPhone()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(receiveValid(details, input.isReturnCall()));
  }

  /** The validated signal, identified by its own externalId or else by the channel's event id. */
  private RequestDetails validated(NewCallbackRequest input, String eventId) {
    RequestDetails details = validator.validate(input);
    return details.externalId() == null && eventId != null && !eventId.isBlank()
        ? details.withExternalId(eventId.strip())
        : details;
  }

  private IntakeResult receiveValid(RequestDetails signal, boolean returnCall) {
    for (int attempt = 1; ; attempt++) {
      try {
        return counted(signal.channel(), transaction.execute(status -> receiveOnce(signal, returnCall)));
      } catch (DataIntegrityViolationException | ConcurrencyFailureException | OptimisticLockingException concurrent) {
        // another transaction opened or changed this patient's request first: look again
        if (attempt == ATTEMPTS) {
          throw concurrent;
        }
        log.info("Concurrent intake for one patient, trying again ({} of {})", attempt + 1, ATTEMPTS);
      }
    }
  }

  private IntakeResult receiveOnce(RequestDetails details, boolean returnCall) {
    if (details.externalId() != null) {
      Optional<CallbackSignal> delivered = signals.findByExternalId(details.externalId());
      if (delivered.isPresent()) {
        CallbackSignal first = delivered.get();
        // the answer the first delivery got: what these words screened as, nothing else about the request
        return new IntakeResult(requests.getRequired(first.getCallbackRequestId()),
            first.getOutcome() == CallbackSignal.Outcome.MERGED, true, redFlags.screen(first.getMessage()).level());
      }
    }
    // what the form asked about texts, voicemails and email belongs to the number, whatever the request; a
    // patient who wrote through the portal reads its answers there
    contacts.answered(details.patientPhone(), new PatientContacts.Answers(details.consentText(), details.consentVoicemail(),
        details.consentEmail(), details.channel() == Channel.PORTAL_MESSAGE ? Boolean.TRUE : null, details.restrictions()),
        "intake " + details.channel());
    Optional<OpenCallback> open = openCallbacks.lockByPhone(details.patientPhone());
    if (open.isPresent()) {
      return merge(requests.getRequired(open.get().getCallbackRequestId()), details, returnCall);
    }
    CallbackRequest request = open(details);
    Screening screening = redFlags.atIntake(request, details.message());
    // the ladder binds itself to the request as it starts (TakeOnRequestListener)
    runtimeService
        .createMessageCorrelation(MSG_CALLBACK_REQUESTED)
        .processInstanceBusinessKey(request.getId().toString())
        .setVariables(ladderVariables(request, screening))
        .correlateStartMessage();
    return new IntakeResult(request, false, false, screening.level());
  }

  /**
   * Like {@link #receive}, inside the caller's transaction: for a request entered by hand in
   * Tasklist ("New callback request"), whose start fails as a whole when a rule is broken.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public IntakeResult enter(NewCallbackRequest input) {
    RequestDetails details = validated(input, null);
    return counted(details.channel(), receiveOnce(details, false));
  }

  /** Metric {@code callback.intake}: signals taken in, by channel and whether they opened a request or joined one. */
  private IntakeResult counted(Channel channel, IntakeResult result) {
    if (!result.replayed()) {
      meters.counter("callback.intake", "channel", channel.name(), "outcome", result.merged() ? "merged" : "created")
          .increment();
    }
    return result;
  }

  private CallbackRequest open(RequestDetails details) {
    CallbackRequest request = requests.saveAndFlush(CallbackRequest.received(details, clock.instant(), practice.timeZone()));
    // fails on the primary key when another transaction opened a request for this number first
    openCallbacks.saveAndFlush(new OpenCallback(details.patientPhone(), request.getId()));
    signals.save(CallbackSignal.of(request.getId(), details, CallbackSignal.Outcome.CREATED, request.getReceivedAt()));
    audit.record(AuditLog.Action.CREATED, request.getId(), details.channel() + " " + details.reason());
    log.info("Callback request {} received: channel={} reason={}", request.getId(), details.channel(), details.reason());
    return request;
  }

  /**
   * Joins the signal to the open request. A return call while the ladder waits between attempts
   * ends the wait with a "Patient returned call" task; anything else is added to the call sheet.
   */
  private IntakeResult merge(CallbackRequest request, RequestDetails details, boolean returnCall) {
    CallbackSignal signal =
        signals.saveAndFlush(CallbackSignal.of(request.getId(), details, CallbackSignal.Outcome.MERGED, clock.instant()));
    request.nameLearned(details.patientName());
    request.preferredTimesSaid(details.preferredTimes());
    audit.record(AuditLog.Action.MERGED, request.getId(), details.channel() + " " + details.reason());
    // first: a red flag stops the scheduling ladder, and a return call then joins the clinician's sheet
    Screening screening = redFlags.laterWords(request.getId(), details.message());
    boolean waitingForCallBack = returnCall
        && runtimeService.createEventSubscriptionQuery()
            .processInstanceId(request.getProcessInstanceId())
            .eventName(MSG_PATIENT_CALLED_BACK)
            .count() > 0;
    runtimeService
        .createMessageCorrelation(waitingForCallBack ? MSG_PATIENT_CALLED_BACK : MSG_ADDITIONAL_REQUEST)
        .processInstanceBusinessKey(request.getId().toString())
        .correlateWithResult();
    log.info("Signal {} ({} {}) merged into open callback request {}",
        signal.getId(), details.channel(), details.reason(), request.getId());
    return new IntakeResult(request, true, false, screening.level());
  }

  /**
   * What the ladder needs to know of a request: its id, its routing facts and whether its words were
   * flagged (the level only, never the words or the rule), nothing personal.
   */
  private static Map<String, Object> ladderVariables(CallbackRequest request, Screening screening) {
    return Map.of(
        Vars.CALLBACK_REQUEST_ID, request.getId().toString(),
        Vars.CHANNEL, request.getChannel().name(),
        Vars.REASON, request.getReason().name(),
        Vars.SCREENING, screening.level().name());
  }
}
