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
  /** The practice-local date it arrived, for the reports' daily figures. */
  private LocalDate receivedOn;
  private Instant firstAttemptDueAt;
  private Instant firstAttemptAt;
  private Integer firstAttemptSeconds;
  /** Who made the first call: the request's coordinator in the reports. */
  private String firstAttemptBy;
  /** The first call on which someone spoke with the patient. */
  private Instant reachedAt;
  private Instant closedAt;

  @Enumerated(EnumType.STRING)
  private ClosureReason closureReason;

  private Instant responseWindowMissedAt;
  private Instant nextAttemptAt;
  private String nextAttemptReason;

  @Enumerated(EnumType.STRING)
  private Screening.Level screening = Screening.Level.NONE;

  private String screeningRule;
  private String screeningNote;
  private Instant flaggedAt;
  private String clinicalNote;
  private Instant schedulingSince;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Version private long version;

  protected CallbackRequest() {}

  public static CallbackRequest received(RequestDetails details, Instant receivedAt, ZoneId practiceZone) {
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
    request.receivedOn = receivedAt.atZone(practiceZone).toLocalDate();
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
    if (firstAttemptAt == null) {
      this.firstAttemptDueAt = firstAttemptDueAt;
    }
  }

  /** The patient said again when to call (a later message): the latest word counts. */
  public void preferredTimesSaid(String times) {
    if (times != null) {
      this.preferredTimes = times;
    }
  }

  /**
   * Staff corrected the patient's details; a null leaves that detail as it was.
   *
   * @param phoneType the kind of line the new number is, with it
   */
  public void corrected(String name, String phone, String phoneType, String timeZone, String language, String times) {
    this.patientName = name == null ? patientName : name;
    this.patientPhone = phone == null ? patientPhone : phone;
    this.phoneType = phone == null ? this.phoneType : phoneType;
    this.patientTimeZone = timeZone == null ? patientTimeZone : timeZone;
    this.preferredLanguage = language == null ? preferredLanguage : language;
    this.preferredTimes = times == null ? preferredTimes : times;
  }

  /** A coordinator who reached the patient passed the request to another queue. */
  public void movedTo(String queue) {
    this.queue = queue;
  }

  /**
   * A flagged screening result: the request keeps the most urgent level any of its texts reached,
   * and the rule and note of the latest flag (what the next clinician reads). The first flag's time
   * is kept for the reviews.
   */
  public void flagged(Screening result, Instant at) {
    if (result.level().isAbove(screening)) {
      screening = result.level();
    }
    screeningRule = result.matchedRule();
    screeningNote = result.clinicianNote();
    if (flaggedAt == null) {
      flaggedAt = at;
    }
  }

  /** A clinical or exception task is open: the request waits for a person who is not a coordinator. */
  public void escalated() {
    if (status != RequestStatus.CLOSED) {
      status = RequestStatus.ESCALATED;
    }
  }

  /** The clinical team handed the request back to scheduling, with a note the coordinators see. */
  public void schedulingResumed(String note, Instant at) {
    clinicalNote = note;
    schedulingSince = at;
    escalationEnded();
  }

  /** Back to where it was before an escalation. */
  public void escalationEnded() {
    if (status == RequestStatus.ESCALATED) {
      status = firstAttemptAt == null ? RequestStatus.OPEN : RequestStatus.IN_PROGRESS;
    }
  }

  /** From when the scheduling ladder's response window counts: arrival, or the end of a clinical hand-off. */
  public Instant schedulingSince() {
    return schedulingSince == null ? receivedAt : schedulingSince;
  }

  /** Referral-sensitive: never closed as unreachable without an exception review. */
  public boolean isReferral() {
    return channel == Channel.REFERRAL || reason == Reason.REFERRAL_QUESTION;
  }

  /** A referral whose records the referring office has not sent (yet). */
  public boolean recordsMissing() {
    return isReferral() && Boolean.FALSE.equals(recordsReceived);
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

  /** A call was made by {@code agent} and documented; {@code spokeWithPatient} when someone spoke with them. */
  public void attemptDocumented(Instant at, String agent, boolean spokeWithPatient) {
    nextAttemptPlanned(null, null);
    if (firstAttemptAt == null) {
      firstAttemptAt = at;
      firstAttemptSeconds = (int) Math.max(0, Duration.between(receivedAt, at).getSeconds());
      firstAttemptBy = agent;
    }
    if (spokeWithPatient && reachedAt == null) {
      reachedAt = at;
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
  public LocalDate getReceivedOn() { return receivedOn; }
  public Integer getFirstAttemptSeconds() { return firstAttemptSeconds; }
  public String getFirstAttemptBy() { return firstAttemptBy; }
  public Instant getReachedAt() { return reachedAt; }
  public Instant getClosedAt() { return closedAt; }
  public ClosureReason getClosureReason() { return closureReason; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getNextAttemptAt() { return nextAttemptAt; }
  public Instant getResponseWindowMissedAt() { return responseWindowMissedAt; }
  public String getNextAttemptReason() { return nextAttemptReason; }
  public Screening.Level getScreening() { return screening; }
  public String getScreeningRule() { return screeningRule; }
  public String getScreeningNote() { return screeningNote; }
  public Instant getFlaggedAt() { return flaggedAt; }
  public String getClinicalNote() { return clinicalNote; }
}
