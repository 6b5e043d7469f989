package org.callbackladder.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.request.CallbackRequest;

/** A callback request with its attempts, as the API shows it. */
public record CallbackView(
    UUID id,
    String status,
    String channel,
    String reason,
    Patient patient,
    String message,
    String preferredTimes,
    String queue,
    Integer priority,
    Instant receivedAt,
    Instant firstAttemptDueAt,
    Instant firstAttemptAt,
    Instant closedAt,
    String closureReason,
    String processInstanceId,
    List<Attempt> attempts) {

  public record Patient(String name, String phone) {}

  public record Attempt(
      int number,
      Instant completedAt,
      String agent,
      String numberDialled,
      String outcome,
      String resolution,
      String notes) {}

  static CallbackView of(CallbackRequest request, List<CallAttempt> attempts) {
    return new CallbackView(
        request.getId(),
        request.getStatus().name(),
        request.getChannel().name(),
        request.getReason().name(),
        new Patient(request.getPatientName(), request.getPatientPhone()),
        request.getMessage(),
        request.getPreferredTimes(),
        request.getQueue(),
        request.getPriority(),
        request.getReceivedAt(),
        request.getFirstAttemptDueAt(),
        request.getFirstAttemptAt(),
        request.getClosedAt(),
        request.getClosureReason() == null ? null : request.getClosureReason().name(),
        request.getProcessInstanceId(),
        attempts.stream()
            .map(
                a ->
                    new Attempt(
                        a.getAttemptNumber(),
                        a.getCompletedAt(),
                        a.getAgent(),
                        a.getNumberDialled(),
                        a.getOutcome().name(),
                        a.getResolution() == null ? null : a.getResolution().name(),
                        a.getNotes()))
            .toList());
  }
}
