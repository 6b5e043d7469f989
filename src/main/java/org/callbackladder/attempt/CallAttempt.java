package org.callbackladder.attempt;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One documented call: time, who, number dialled, outcome, what was done, notes. */
@Entity
@Table(name = "call_attempt")
public class CallAttempt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID callbackRequestId;
  private int attemptNumber;
  private String agent;
  private String numberDialled;

  @Enumerated(EnumType.STRING)
  private AttemptOutcome outcome;

  @Enumerated(EnumType.STRING)
  private Resolution resolution;

  private String notes;
  private String patientWords;
  private Boolean emergencyLineGiven;
  private Boolean schedulingStillNeeded;
  private Instant completedAt;
  /** The part of the patient's day it was made in (their time zone), for the reports. */
  private String dayPart;
  /** What the call settled (AttemptReport.Settled); empty for most outcomes. */
  private Instant appointmentAt;
  /** Practice days from the call to the appointment (0: the same day), for the reviews. */
  private Integer appointmentInDays;
  private String appointmentWith;
  private String routedTo;
  private Instant callBackAt;
  @Enumerated(EnumType.STRING)
  private AttemptReport.SpokeWith spokeWith;
  @Enumerated(EnumType.STRING)
  private AttemptReport.OutsideWindow outsideWindowReason;

  protected CallAttempt() {}

  static CallAttempt documented(
      UUID callbackRequestId,
      int attemptNumber,
      String agent,
      String numberDialled,
      AttemptReport report,
      Instant completedAt,
      String dayPart,
      Integer appointmentInDays) {
    CallAttempt attempt = new CallAttempt();
    attempt.callbackRequestId = callbackRequestId;
    attempt.attemptNumber = attemptNumber;
    attempt.agent = agent;
    attempt.numberDialled = numberDialled;
    attempt.outcome = report.outcome();
    attempt.resolution = report.resolution();
    attempt.notes = report.notes();
    attempt.patientWords = report.patientWords();
    attempt.emergencyLineGiven = report.emergencyLineGiven();
    attempt.schedulingStillNeeded = report.schedulingStillNeeded();
    attempt.completedAt = completedAt;
    attempt.dayPart = dayPart;
    attempt.appointmentAt = report.settled().appointmentAt();
    attempt.appointmentInDays = appointmentInDays;
    attempt.appointmentWith = report.settled().appointmentWith();
    attempt.routedTo = report.settled().routedTo();
    attempt.callBackAt = report.settled().callBackAt();
    attempt.spokeWith = report.settled().spokeWith();
    attempt.outsideWindowReason = report.settled().outsideWindow();
    return attempt;
  }

  public Long getId() { return id; }
  public UUID getCallbackRequestId() { return callbackRequestId; }
  public int getAttemptNumber() { return attemptNumber; }
  public String getAgent() { return agent; }
  public String getNumberDialled() { return numberDialled; }
  public AttemptOutcome getOutcome() { return outcome; }
  public Resolution getResolution() { return resolution; }
  public Instant getAppointmentAt() { return appointmentAt; }
  public Integer getAppointmentInDays() { return appointmentInDays; }
  public String getAppointmentWith() { return appointmentWith; }
  public String getRoutedTo() { return routedTo; }
  public Instant getCallBackAt() { return callBackAt; }
  public AttemptReport.SpokeWith getSpokeWith() { return spokeWith; }
  public AttemptReport.OutsideWindow getOutsideWindowReason() { return outsideWindowReason; }
  public String getNotes() { return notes; }
  public Instant getCompletedAt() { return completedAt; }
  public String getPatientWords() { return patientWords; }
  public Boolean getEmergencyLineGiven() { return emergencyLineGiven; }
  public Boolean getSchedulingStillNeeded() { return schedulingStillNeeded; }
}
