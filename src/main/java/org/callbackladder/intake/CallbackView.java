package org.callbackladder.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.escalation.ClinicalHandOff;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackSignal;

/** A callback request with its attempts, as the API shows it. */
public record CallbackView(
    UUID id,
    String status,
    String channel,
    String reason,
    Patient patient,
    String message,
    String preferredTimes,
    Referral referral,
    Consent consent,
    String queue,
    Integer priority,
    Instant receivedAt,
    Instant firstAttemptDueAt,
    Instant firstAttemptAt,
    Instant responseWindowMissedAt,
    Instant closedAt,
    String closureReason,
    String processInstanceId,
    NextAttempt nextAttempt,
    Screening screening,
    List<Signal> signals,
    List<Attempt> attempts,
    List<ClinicalStep> clinicalTimeline,
    List<Message> messages) {

  /**
   * Each message the ladder wanted to send: what the contact policy decided and why, and, when it was
   * queued, its channel, status and times (due, sent, delivery reported). Never its body or address.
   */
  public record Message(String kind, Integer attempt, boolean allowed, String reason, Instant decidedAt, String channel,
      String status, Instant sendAfter, Instant sentAt, String delivery, Instant deliveryReportedAt) {}

  /**
   * The most urgent red-flag result any of the request's texts reached, the rule that matched and
   * when the request was first flagged; the clinical team's note when it handed the request back.
   */
  public record Screening(String level, String matchedRule, Instant flaggedAt, String clinicalTeamNote) {}

  /** One hand-off to the clinical team: raised, claimed, done, and how often it escalated unclaimed. */
  public record ClinicalStep(
      String kind, String raisedBy, String matchedRule, Instant createdAt, Instant dueAt, Instant claimedAt,
      String claimedBy, Instant completedAt, String completedBy, String outcome, int escalations) {}

  public record Patient(
      String name, String phone, String phoneType, String timeZone, String email, String preferredLanguage,
      LocalDate dateOfBirth) {}

  /** When the ladder will next call, and which rules chose that time. */
  public record NextAttempt(Instant at, String why) {}

  public record Referral(String practiceName, String contact, Boolean recordsReceived) {}

  /** What the intake form's consent questions were answered; null where they were not asked. */
  public record Consent(Boolean text, Boolean voicemail, Boolean email) {}

  /** Each time the patient got in touch; {@code merged} when it joined this request. */
  public record Signal(String channel, String reason, Instant receivedAt, boolean merged, String message) {}

  public record Attempt(
      int number,
      Instant completedAt,
      String agent,
      String numberDialled,
      String outcome,
      String resolution,
      String notes,
      String patientWords,
      Instant appointmentAt,
      String appointmentWith,
      String routedTo,
      Instant callBackAt,
      String spokeWith) {}

  /**
   * The request as a reader sees it; {@code clinicalDetail} false leaves out which red-flag rules
   * matched (what coordinators read).
   */
  static CallbackView of(CallbackRequest request, List<CallbackSignal> signals, List<CallAttempt> attempts,
      List<ClinicalHandOff> handOffs, List<Message> messages, boolean clinicalDetail) {
    return new CallbackView(
        request.getId(),
        request.getStatus().name(),
        request.getChannel().name(),
        request.getReason().name(),
        new Patient(request.getPatientName(), request.getPatientPhone(), request.getPhoneType(),
            request.getPatientTimeZone(), request.getEmail(),
            request.getPreferredLanguage(), request.getDateOfBirth()),
        request.getMessage(),
        request.getPreferredTimes(),
        request.getReferringPractice() == null && request.getReferringContact() == null && request.getRecordsReceived() == null
            ? null
            : new Referral(request.getReferringPractice(), request.getReferringContact(), request.getRecordsReceived()),
        new Consent(request.getConsentText(), request.getConsentVoicemail(), request.getConsentEmail()),
        request.getQueue(),
        request.getPriority(),
        request.getReceivedAt(),
        request.getFirstAttemptDueAt(),
        request.getFirstAttemptAt(),
        request.getResponseWindowMissedAt(),
        request.getClosedAt(),
        request.getClosureReason() == null ? null : request.getClosureReason().name(),
        request.getProcessInstanceId(),
        request.getNextAttemptAt() == null ? null : new NextAttempt(request.getNextAttemptAt(), request.getNextAttemptReason()),
        new Screening(request.getScreening().name(), clinicalDetail ? request.getScreeningRule() : null, request.getFlaggedAt(),
            request.getClinicalNote()),
        signals.stream()
            .map(s -> new Signal(s.getChannel().name(), s.getReason().name(), s.getReceivedAt(),
                s.getOutcome() == CallbackSignal.Outcome.MERGED, s.getMessage()))
            .toList(),
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
                        a.getNotes(),
                        a.getPatientWords(),
                        a.getAppointmentAt(),
                        a.getAppointmentWith(),
                        a.getRoutedTo(),
                        a.getCallBackAt(),
                        a.getSpokeWith() == null ? null : a.getSpokeWith().name()))
            .toList(),
        handOffs.stream()
            .map(h -> new ClinicalStep(h.getKind().name(), h.getRaisedBy().name(), clinicalDetail ? h.getScreeningRule() : null,
                h.getCreatedAt(),
                h.getDueAt(), h.getClaimedAt(), h.getClaimedBy(), h.getCompletedAt(), h.getCompletedBy(),
                h.getOutcome() == null ? null : h.getOutcome().name(), h.getEscalations()))
            .toList(),
        messages);
  }
}
