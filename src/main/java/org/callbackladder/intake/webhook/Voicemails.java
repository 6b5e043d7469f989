package org.callbackladder.intake.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.callbackladder.attempt.CallSheetRefresh;
import org.callbackladder.intake.ProviderSignals;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.callbackladder.request.RequestStatus;
import org.callbackladder.request.Screening;
import org.callbackladder.screening.RedFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A voicemail becomes a signal when its recording is reported; its transcription, which often
 * arrives later in a second callback, is attached to that signal, screened for red flags and shown
 * on the call sheet.
 */
@Service
public class Voicemails {

  private static final Logger log = LoggerFactory.getLogger(Voicemails.class);

  private final ProviderSignals providerSignals;
  private final CallbackSignalRepository signals;
  private final CallSheetRefresh callSheets;
  private final RedFlags redFlags;
  private final CallbackRequestRepository requests;
  private final TransactionTemplate transaction;

  public Voicemails(
      ProviderSignals providerSignals,
      CallbackSignalRepository signals,
      CallSheetRefresh callSheets,
      RedFlags redFlags,
      CallbackRequestRepository requests,
      PlatformTransactionManager transactionManager) {
    this.providerSignals = providerSignals;
    this.signals = signals;
    this.callSheets = callSheets;
    this.redFlags = redFlags;
    this.requests = requests;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  public void receive(Map<String, String> recording) {
    String eventId = "twilio:recording:" + recording.get("RecordingSid");
    String transcription = transcription(recording);
    Known known = transaction.execute(status -> attach(eventId, transcription));
    if (known == Known.FLAGGED_AFTER_CLOSING) {
      // a red flag in the words of a request already closed: a new request, so a person sees it
      providerSignals.receive(
          TwilioWebhookController.signal("VOICEMAIL", recording, transcription, false), eventId + ":transcription");
      return;
    }
    if (known == Known.YES) {
      return;
    }
    String message = transcription != null
        ? transcription
        : "Voicemail of " + recording.getOrDefault("RecordingDuration", "?") + " s, not transcribed yet. Recording: "
            + recording.get("RecordingUrl");
    providerSignals.receive(TwilioWebhookController.signal("VOICEMAIL", recording, message, false), eventId);
  }

  private enum Known { NO, YES, FLAGGED_AFTER_CLOSING }

  /**
   * Whether the voicemail is known already. A new transcription is attached and screened: a red flag
   * escalates the open request at once; one in a request already closed is reported as such.
   */
  private Known attach(String eventId, String transcription) {
    Optional<CallbackSignal> known = signals.findByExternalId(eventId);
    if (known.isEmpty()) {
      return Known.NO;
    }
    if (transcription != null && !transcription.equals(known.get().getMessage())) {
      UUID requestId = known.get().getCallbackRequestId();
      known.get().transcribed(transcription);
      log.info("Transcription attached to voicemail signal {}", known.get().getId());
      Screening screening = redFlags.laterWords(requestId, transcription);
      if (screening.flagged() && requests.getRequired(requestId).getStatus() == RequestStatus.CLOSED) {
        return Known.FLAGGED_AFTER_CLOSING;
      }
      callSheets.refresh(requestId);
    }
    return Known.YES;
  }

  private static String transcription(Map<String, String> recording) {
    String text = recording.get("TranscriptionText");
    boolean done = recording.get("TranscriptionStatus") == null || "completed".equals(recording.get("TranscriptionStatus"));
    return done && text != null && !text.isBlank() ? text.strip() : null;
  }
}
