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

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Receipt> receive(@RequestBody NewCallbackRequest input) {
    CallbackRequest request = intake.receive(input);
    return ResponseEntity.created(URI.create("/api/callbacks/" + request.getId()))
        .body(
            new Receipt(
                request.getId(),
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
      UUID id, String status, String queue, Instant firstAttemptDueAt, String processInstanceId) {}
}
