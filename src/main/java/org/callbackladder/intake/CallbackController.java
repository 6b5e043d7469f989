package org.callbackladder.intake;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.callbackladder.access.RequestReaders;
import org.callbackladder.attempt.AttemptService;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.contact.ContactDecisionRepository;
import org.callbackladder.contact.OutboxMessage;
import org.callbackladder.contact.OutboxMessageRepository;
import org.callbackladder.escalation.ClinicalHandOffs;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSearch;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.Channel;
import org.callbackladder.request.PhoneNumbers;
import org.callbackladder.request.RequestStatus;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.callbackladder.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/callbacks}: take in a callback request, find requests, and show one with its story. */
@Tag(name = "Callbacks", description = "Take in requests, read and find them")
@RestController
@RequestMapping(path = "/api/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
public class CallbackController {

  static final int MAX_PAGE_SIZE = 100;
  /** An externalId or Idempotency-Key; stored after the client's name, within the column's 200. */
  static final int CLIENT_KEY_MAX = 120;

  private final IntakeService intake;
  private final CallbackRequestRepository requests;
  private final CallbackSignalRepository signals;
  private final CallbackSearch search;
  private final AttemptService attempts;
  private final PhoneNumbers phoneNumbers;
  private final RequestReaders readers;
  private final AuditLog audit;
  private final ClinicalHandOffs handOffs;
  private final ContactDecisionRepository decisions;
  private final OutboxMessageRepository outbox;

  public CallbackController(
      IntakeService intake,
      CallbackRequestRepository requests,
      CallbackSignalRepository signals,
      CallbackSearch search,
      AttemptService attempts,
      PhoneNumbers phoneNumbers,
      RequestReaders readers,
      AuditLog audit,
      ClinicalHandOffs handOffs,
      ContactDecisionRepository decisions,
      OutboxMessageRepository outbox) {
    this.intake = intake;
    this.requests = requests;
    this.signals = signals;
    this.search = search;
    this.attempts = attempts;
    this.phoneNumbers = phoneNumbers;
    this.readers = readers;
    this.audit = audit;
    this.handOffs = handOffs;
    this.decisions = decisions;
    this.outbox = outbox;
  }

  /** Each message decision of the request, with the message it queued (read together, not one by one). */
  private List<CallbackView.Message> messages(UUID id) {
    Map<Long, OutboxMessage> queued = outbox.findByCallbackRequestIdOrderById(id).stream()
        .collect(Collectors.toMap(OutboxMessage::getId, message -> message));
    return decisions.findByCallbackRequestIdOrderByDecidedAtAscIdAsc(id).stream()
        .map(decision -> {
          OutboxMessage message = queued.get(decision.getOutboxMessageId());
          return message == null
              ? new CallbackView.Message(decision.getKind().name(), decision.getAttemptNumber(), decision.isAllowed(),
                  decision.getReason(), decision.getDecidedAt(), null, null, null, null, null, null)
              : new CallbackView.Message(decision.getKind().name(), decision.getAttemptNumber(), decision.isAllowed(),
                  decision.getReason(), decision.getDecidedAt(), message.getChannel(), message.getStatus().name(),
                  message.getSendAfter(), message.getSentAt(), message.getDeliveryStatus(), message.getDeliveryReportedAt());
        })
        .toList();
  }

  /**
   * Hands in a request, for the practice's staff and for integrations with an INTAKE token
   * (SecurityConfiguration). To someone
   * who may read the request: 201 with a new one, 200 with {@code merged: true} when the patient's
   * open request took the signal in. To anyone else: 202 and nothing more, so handing in a number
   * tells nobody whether, or where, that patient has an open request. A repeated {@code externalId}
   * or {@code Idempotency-Key} from the same client answers as the first time did, with
   * {@code Idempotent-Replayed: true}, and stores nothing; another client's key is a different key.
   * A return call ({@code returnCall}) is reported by a phone system's webhook or by staff.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Object> receive(
      @RequestBody NewCallbackRequest input,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Authentication user) {
    List<FieldProblem> problems = new ArrayList<>();
    String key = FieldRules.optionalText(input.externalId() != null ? "externalId" : "Idempotency-Key",
        input.externalId() != null ? input.externalId() : idempotencyKey, CLIENT_KEY_MAX, problems);
    if (input.isReturnCall() && !readers.isStaff(user)) {
      problems.add(new FieldProblem("returnCall", "staff-only", "is reported by the phone system's webhook or by the practice's staff"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    IntakeResult result = intake.receive(input.withoutExternalId(), key == null ? null : "api:" + user.getName() + ":" + key);
    CallbackRequest request = result.request();
    if (!readers.mayRead(user, request)) {
      // what the words just sent screened as (never anything else about the request): a website form
      // shows "call 911" at once for an emergency
      return ResponseEntity.accepted().body(new Received(true, result.screening().name()));
    }
    ResponseEntity.BodyBuilder answer =
        result.merged() ? ResponseEntity.ok() : ResponseEntity.created(URI.create("/api/callbacks/" + request.getId()));
    if (result.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(
        new Receipt(
            request.getId(),
            result.merged(),
            request.getStatus().name(),
            request.getQueue(),
            request.getFirstAttemptDueAt(),
            request.getProcessInstanceId(),
            result.screening().name()));
  }

  /** A request with its story, for those who may read it; another queue's request is answered as unknown. */
  @GetMapping("/{id}")
  @Transactional
  public CallbackView show(@PathVariable UUID id, Authentication user) {
    RequestReaders.Scope scope = readers.scopeOf(user);
    CallbackRequest request = requests.findById(id).filter(found -> readers.covers(scope, found))
        // another queue's request is answered as if it did not exist
        .orElseThrow(() -> new NotFoundException("No callback request " + id));
    audit.record(AuditLog.Action.READ, id, null);
    return CallbackView.of(request, signals.findByCallbackRequestIdOrderByReceivedAtAscIdAsc(id),
        attempts.attemptsOf(id), handOffs.timeline(id), messages(id), scope.seesClinicalDetail());
  }

  /**
   * Requests by patient number (in any common format), status and channel, newest first. Each
   * lists when and through which channel the patient got in touch.
   */
  @GetMapping
  @Transactional
  public CallbackSummary.Page find(
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String channel,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Authentication user) {
    RequestReaders.Scope scope = readers.scopeOf(user);
    List<FieldProblem> problems = new ArrayList<>();
    String e164 = null;
    if (phone != null && !phone.isBlank()) {
      e164 = phoneNumbers.toE164(phone).orElse(null);
      if (e164 == null) {
        problems.add(new FieldProblem("phone", "phone-number", "is not a valid phone number"));
      }
    }
    RequestStatus wantedStatus = status == null ? null : FieldRules.oneOf(RequestStatus.class, "status", status, problems);
    Channel wantedChannel = channel == null ? null : FieldRules.oneOf(Channel.class, "channel", channel, problems);
    FieldRules.paging(page, size, MAX_PAGE_SIZE, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Page<CallbackRequest> found = search.find(scope.criterion(), e164, wantedStatus, wantedChannel, page, size);
    found.forEach(request -> audit.record(AuditLog.Action.LISTED, request.getId(), "search"));
    Map<UUID, List<CallbackSignal>> signalsByRequest =
        signals.findByCallbackRequestIdInOrderByReceivedAtAscIdAsc(found.map(CallbackRequest::getId).toList()).stream()
            .collect(Collectors.groupingBy(CallbackSignal::getCallbackRequestId));
    return new CallbackSummary.Page(
        found.map(r -> CallbackSummary.of(r, signalsByRequest.getOrDefault(r.getId(), List.of()))).toList(),
        page, size, found.getTotalElements(), found.getTotalPages());
  }

  /** The answer to someone who may read the request: where it went and when the first attempt is due. */
  /** The answer to someone who may not read the request: received, and what the words sent screened as. */
  public record Received(boolean received, String screening) {}

  /** The answer to a reader; {@code screening}: what the words just sent screened as (EMERGENCY, CLINICAL or NONE). */
  public record Receipt(
      UUID id, boolean merged, String status, String queue, Instant firstAttemptDueAt, String processInstanceId,
      String screening) {}
}
