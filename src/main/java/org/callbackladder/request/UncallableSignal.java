package org.callbackladder.request;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A missed call, voicemail or text from a number nobody can call back (withheld, "anonymous", not a
 * phone number). It opens no request and no ladder; practice managers see it in the list of missed
 * calls we cannot return, with whatever the caller said.
 */
@Entity
@Table(name = "uncallable_signal")
public class UncallableSignal {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  private String sentNumber;
  private String callerName;
  private String message;
  private String externalId;
  private Instant receivedAt;

  protected UncallableSignal() {}

  public UncallableSignal(
      Channel channel, String sentNumber, String callerName, String message, String externalId, Instant receivedAt) {
    this.channel = channel;
    this.sentNumber = sentNumber;
    this.callerName = callerName;
    this.message = message;
    this.externalId = externalId;
    this.receivedAt = receivedAt;
  }

  /** A voicemail's transcription, arriving after its recording. */
  public void transcribed(String text) {
    this.message = text;
  }

  public Long getId() { return id; }
  public Channel getChannel() { return channel; }
  public String getSentNumber() { return sentNumber; }
  public String getCallerName() { return callerName; }
  public String getMessage() { return message; }
  public String getExternalId() { return externalId; }
  public Instant getReceivedAt() { return receivedAt; }
}
