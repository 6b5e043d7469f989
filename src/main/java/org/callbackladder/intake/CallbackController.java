package org.callbackladder.intake;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.callbackladder.attempt.AttemptService;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/callbacks}: take in a callback request, and show one with its attempts. */
@RestController
@RequestMapping(path = "/api/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
public class CallbackController {

  private final IntakeService intake;
  private final CallbackRequestRepository requests;
  private final AttemptService attempts;

  public CallbackController(IntakeService intake, CallbackRequestRepository requests, AttemptService attempts) {
    this.intake = intake;
    this.requests = requests;
    this.attempts = attempts;
  }

  /**
   * 201 with a new request; 200 with {@code merged: true} when the patient's open request took the
   * signal in. A repeated {@code externalId} or {@code Idempotency-Key} answers as the first time
   * did, with {@code Idempotent-Replayed: true}, and stores nothing.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Receipt> receive(
      @RequestBody NewCallbackRequest input,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IntakeResult result = intake.receive(input, idempotencyKey);
    CallbackRequest request = result.request();
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
            request.getProcessInstanceId()));
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public CallbackView show(@PathVariable UUID id) {
    CallbackRequest request =
        requests.findById(id).orElseThrow(() -> new NotFoundException("No callback request " + id));
    return CallbackView.of(request, attempts.attemptsOf(id));
  }

  /** The answer to a new request: where it went and when the first attempt is due. */
  public record Receipt(
      UUID id, boolean merged, String status, String queue, Instant firstAttemptDueAt, String processInstanceId) {}
}
