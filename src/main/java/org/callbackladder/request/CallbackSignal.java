package org.callbackladder.request;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One signal from a patient (a call, a voicemail, a form...), kept with the request it opened or joined. */
@Entity
@Table(name = "callback_signal")
public class CallbackSignal {

  /** Whether the signal opened its request or was merged into an open one. */
  public enum Outcome { CREATED, MERGED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID callbackRequestId;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  private Reason reason;

  private String message;
  private String preferredTimes;
  private String externalId;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private Instant receivedAt;

  protected CallbackSignal() {}

  public static CallbackSignal of(UUID callbackRequestId, RequestDetails details, Outcome outcome, Instant receivedAt) {
    CallbackSignal signal = new CallbackSignal();
    signal.callbackRequestId = callbackRequestId;
    signal.channel = details.channel();
    signal.reason = details.reason();
    signal.message = details.message();
    signal.preferredTimes = details.preferredTimes();
    signal.externalId = details.externalId();
    signal.outcome = outcome;
    signal.receivedAt = receivedAt;
    return signal;
  }

  /** A voicemail's transcription arrived after its recording. */
  public void transcribed(String transcription) {
    this.message = transcription;
  }

  public Long getId() { return id; }
  public UUID getCallbackRequestId() { return callbackRequestId; }
  public Channel getChannel() { return channel; }
  public Reason getReason() { return reason; }
  public String getMessage() { return message; }
  public String getPreferredTimes() { return preferredTimes; }
  public String getExternalId() { return externalId; }
  public Outcome getOutcome() { return outcome; }
  public Instant getReceivedAt() { return receivedAt; }
}
