package org.callbackladder.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackSignal;

/** One line of a search result: the request and when and how the patient got in touch. */
public record CallbackSummary(
    UUID id,
    String status,
    String reason,
    String queue,
    String patientName,
    String patientPhone,
    Instant receivedAt,
    Instant closedAt,
    String closureReason,
    List<Signal> signals) {

  public record Signal(String channel, Instant receivedAt) {}

  static CallbackSummary of(CallbackRequest request, List<CallbackSignal> signals) {
    return new CallbackSummary(
        request.getId(),
        request.getStatus().name(),
        request.getReason().name(),
        request.getQueue(),
        request.getPatientName(),
        request.getPatientPhone(),
        request.getReceivedAt(),
        request.getClosedAt(),
        request.getClosureReason() == null ? null : request.getClosureReason().name(),
        signals.stream().map(s -> new Signal(s.getChannel().name(), s.getReceivedAt())).toList());
  }

  /** A page of results, newest first. */
  public record Page(List<CallbackSummary> items, int page, int size, long totalItems, int totalPages) {}
}
