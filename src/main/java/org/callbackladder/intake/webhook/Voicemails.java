package org.callbackladder.intake.webhook;

import java.util.Map;
import java.util.Optional;
import org.callbackladder.attempt.CallSheetRefresh;
import org.callbackladder.intake.ProviderSignals;
import org.callbackladder.request.CallbackSignal;
import org.callbackladder.request.CallbackSignalRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A voicemail becomes a signal when its recording is reported; its transcription, which often
 * arrives later in a second callback, is attached to that signal and shown on the call sheet.
 */
@Service
public class Voicemails {

  private static final Logger log = LoggerFactory.getLogger(Voicemails.class);

  private final ProviderSignals providerSignals;
  private final CallbackSignalRepository signals;
  private final CallSheetRefresh callSheets;
  private final TransactionTemplate transaction;

  public Voicemails(
      ProviderSignals providerSignals,
      CallbackSignalRepository signals,
      CallSheetRefresh callSheets,
      PlatformTransactionManager transactionManager) {
    this.providerSignals = providerSignals;
    this.signals = signals;
    this.callSheets = callSheets;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  public void receive(Map<String, String> recording) {
    String eventId = "twilio:recording:" + recording.get("RecordingSid");
    String transcription = transcription(recording);
    if (Boolean.TRUE.equals(transaction.execute(status -> attach(eventId, transcription)))) {
      return;
    }
    String message = transcription != null
        ? transcription
        : "Voicemail of " + recording.getOrDefault("RecordingDuration", "?") + " s, not transcribed yet. Recording: "
            + recording.get("RecordingUrl");
    providerSignals.receive(TwilioWebhookController.signal("VOICEMAIL", recording, message, false), eventId);
  }

  /** True when the voicemail is known already; its transcription is attached if new. */
  private boolean attach(String eventId, String transcription) {
    Optional<CallbackSignal> known = signals.findByExternalId(eventId);
    if (known.isEmpty()) {
      return false;
    }
    if (transcription != null && !transcription.equals(known.get().getMessage())) {
      known.get().transcribed(transcription);
      callSheets.refresh(known.get().getCallbackRequestId());
      log.info("Transcription attached to voicemail signal {}", known.get().getId());
    }
    return true;
  }

  private static String transcription(Map<String, String> recording) {
    String text = recording.get("TranscriptionText");
    boolean done = recording.get("TranscriptionStatus") == null || "completed".equals(recording.get("TranscriptionStatus"));
    return done && text != null && !text.isBlank() ? text.strip() : null;
  }
}
