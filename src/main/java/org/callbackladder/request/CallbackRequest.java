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
import java.time.LocalDate;
import java.time.ZoneId;
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
  private String phoneType;
  private String patientTimeZone;
  private String email;
  private String preferredLanguage;
  private LocalDate dateOfBirth;
  private String referringPractice;
  private String referringContact;
  private Boolean recordsReceived;
  private Boolean consentText;
  private Boolean consentVoicemail;
  private Boolean consentEmail;

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

  private Instant responseWindowMissedAt;
  private Instant nextAttemptAt;
  private String nextAttemptReason;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Version private long version;

  protected CallbackRequest() {}

  public static CallbackRequest received(RequestDetails details, Instant receivedAt) {
    CallbackRequest request = new CallbackRequest();
    request.id = UUID.randomUUID();
    request.channel = details.channel();
    request.reason = details.reason();
    request.patientName = details.patientName();
    request.patientPhone = details.patientPhone();
    request.phoneType = details.phoneType();
    request.patientTimeZone = details.patientTimeZone();
    request.email = details.email();
    request.preferredLanguage = details.preferredLanguage();
    request.dateOfBirth = details.dateOfBirth();
    request.message = details.message();
    request.preferredTimes = details.preferredTimes();
    request.referringPractice = details.referringPractice();
    request.referringContact = details.referringContact();
    request.recordsReceived = details.recordsReceived();
    request.consentText = details.consentText();
    request.consentVoicemail = details.consentVoicemail();
    request.consentEmail = details.consentEmail();
    request.status = RequestStatus.OPEN;
    request.receivedAt = receivedAt;
    return request;
  }

  /** Binds the request to its one ladder. */
  public void ladderStarted(String processInstanceId) {
    if (this.processInstanceId != null) {
      throw new IllegalStateException("Callback request " + id + " already has its ladder");
    }
    this.processInstanceId = processInstanceId;
  }

  /** A later signal told us the name of a caller we only knew by number. */
  public void nameLearned(String name) {
    if (patientName == null && name != null) {
      patientName = name;
    }
  }

  public void routed(String queue, int priority, Duration responseWindow, Instant firstAttemptDueAt) {
    this.queue = queue;
    this.priority = priority;
    this.responseWindow = responseWindow.toString();
    this.firstAttemptDueAt = firstAttemptDueAt;
  }

  /** The first attempt was not worked inside its response window; true the first time only. */
  public boolean responseWindowMissed(Instant at) {
    if (responseWindowMissedAt != null) {
      return false;
    }
    responseWindowMissedAt = at;
    return true;
  }

  /** When the next attempt may be made, and which rules chose that time. */
  public void nextAttemptPlanned(Instant at, String reason) {
    this.nextAttemptAt = at;
    this.nextAttemptReason = reason;
  }

  public void attemptDocumented(Instant at) {
    nextAttemptPlanned(null, null);
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
    nextAttemptPlanned(null, null);
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
  public String getPhoneType() { return phoneType; }
  public String getPatientTimeZone() { return patientTimeZone; }
  /** Where the patient is; requests from before time zones were kept answer with the fallback. */
  public ZoneId patientZone(ZoneId fallback) { return patientTimeZone == null ? fallback : ZoneId.of(patientTimeZone); }
  public String getEmail() { return email; }
  public String getPreferredLanguage() { return preferredLanguage; }
  public LocalDate getDateOfBirth() { return dateOfBirth; }
  public String getReferringPractice() { return referringPractice; }
  public String getReferringContact() { return referringContact; }
  public Boolean getRecordsReceived() { return recordsReceived; }
  public Boolean getConsentText() { return consentText; }
  public Boolean getConsentVoicemail() { return consentVoicemail; }
  public Boolean getConsentEmail() { return consentEmail; }
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
  public Instant getNextAttemptAt() { return nextAttemptAt; }
  public Instant getResponseWindowMissedAt() { return responseWindowMissedAt; }
  public String getNextAttemptReason() { return nextAttemptReason; }
}
