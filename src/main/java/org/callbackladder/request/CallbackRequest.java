package org.callbackladder.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One owned callback request: the durable record the ladder works on. */
@Entity
@Table(name = "callback_request")
public class CallbackRequest {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  private Reason reason;

  private String patientName;
  private String patientPhone;
  private String message;
  private String preferredTimes;
  private String externalId;

  @Enumerated(EnumType.STRING)
  private RequestStatus status;

  private String queue;
  private Integer priority;
  private String responseWindow;
  private Instant receivedAt;
  private Instant firstAttemptDueAt;
  private Instant firstAttemptAt;
  private Instant closedAt;

  @Enumerated(EnumType.STRING)
  private ClosureReason closureReason;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Version private long version;

  protected CallbackRequest() {}

  public static CallbackRequest received(
      Channel channel,
      Reason reason,
      String patientName,
      String patientPhone,
      String message,
      String preferredTimes,
      String externalId,
      Instant receivedAt) {
    CallbackRequest request = new CallbackRequest();
    request.id = UUID.randomUUID();
    request.channel = channel;
    request.reason = reason;
    request.patientName = patientName;
    request.patientPhone = patientPhone;
    request.message = message;
    request.preferredTimes = preferredTimes;
    request.externalId = externalId;
    request.status = RequestStatus.OPEN;
    request.receivedAt = receivedAt;
    return request;
  }

  public void ladderStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void routed(String queue, int priority, Duration responseWindow, Instant firstAttemptDueAt) {
    this.queue = queue;
    this.priority = priority;
    this.responseWindow = responseWindow.toString();
    this.firstAttemptDueAt = firstAttemptDueAt;
  }

  public void attemptDocumented(Instant at) {
    if (firstAttemptAt == null) {
      firstAttemptAt = at;
    }
    if (status == RequestStatus.OPEN) {
      status = RequestStatus.IN_PROGRESS;
    }
  }

  public void close(ClosureReason reason, Instant at) {
    if (status == RequestStatus.CLOSED) {
      throw new IllegalStateException("Callback request " + id + " is already closed");
    }
    this.status = RequestStatus.CLOSED;
    this.closureReason = reason;
    this.closedAt = at;
  }

  public UUID getId() { return id; }
  public Channel getChannel() { return channel; }
  public Reason getReason() { return reason; }
  public String getPatientName() { return patientName; }
  public String getPatientPhone() { return patientPhone; }
  public String getMessage() { return message; }
  public String getPreferredTimes() { return preferredTimes; }
  public String getExternalId() { return externalId; }
  public RequestStatus getStatus() { return status; }
  public String getQueue() { return queue; }
  public Integer getPriority() { return priority; }
  public String getResponseWindow() { return responseWindow; }
  public Instant getReceivedAt() { return receivedAt; }
  public Instant getFirstAttemptDueAt() { return firstAttemptDueAt; }
  public Instant getFirstAttemptAt() { return firstAttemptAt; }
  public Instant getClosedAt() { return closedAt; }
  public ClosureReason getClosureReason() { return closureReason; }
  public String getProcessInstanceId() { return processInstanceId; }
}
