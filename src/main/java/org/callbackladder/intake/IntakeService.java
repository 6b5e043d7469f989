package org.callbackladder.intake;

import static org.callbackladder.CallbackProcess.MSG_CALLBACK_REQUESTED;

import java.time.Clock;
import java.util.Map;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.intake.CallbackRequestValidator.ValidRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.web.ConflictException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns a validated signal into a stored request with its ladder running. */
@Service
public class IntakeService {

  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

  private final CallbackRequestValidator validator;
  private final CallbackRequestRepository requests;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public IntakeService(
      CallbackRequestValidator validator,
      CallbackRequestRepository requests,
      RuntimeService runtimeService,
      Clock clock) {
    this.validator = validator;
    this.requests = requests;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Stores the request and starts its ladder in one transaction: either both happen or neither.
   * Routing runs before this returns, so the request already has its queue and due time.
   */
  @Transactional
  public CallbackRequest receive(NewCallbackRequest input) {
    CallbackRequest request = register(input);
    ProcessInstance ladder =
        runtimeService
            .createMessageCorrelation(MSG_CALLBACK_REQUESTED)
            .processInstanceBusinessKey(request.getId().toString())
            .setVariables(ladderVariables(request))
            .correlateStartMessage();
    request.ladderStarted(ladder.getId());
    return request;
  }

  /** Validates and stores a request; the caller starts or continues its ladder. */
  @Transactional
  public CallbackRequest register(NewCallbackRequest input) {
    ValidRequest valid = validator.validate(input);
    if (valid.externalId() != null) {
      requests
          .findByExternalId(valid.externalId())
          .ifPresent(
              existing -> {
                throw new ConflictException(
                    "externalId is already used by callback request " + existing.getId());
              });
    }
    CallbackRequest request =
        requests.save(
            CallbackRequest.received(
                valid.channel(),
                valid.reason(),
                valid.patientName(),
                valid.patientPhone(),
                valid.message(),
                valid.preferredTimes(),
                valid.externalId(),
                clock.instant()));
    log.info("Callback request {} received: channel={} reason={}", request.getId(), valid.channel(), valid.reason());
    return request;
  }

  /** What the ladder needs to know of a request: its id and its routing facts, nothing personal. */
  public static Map<String, Object> ladderVariables(CallbackRequest request) {
    return Map.of(
        Vars.CALLBACK_REQUEST_ID, request.getId().toString(),
        Vars.CHANNEL, request.getChannel().name(),
        Vars.REASON, request.getReason().name());
  }
}
