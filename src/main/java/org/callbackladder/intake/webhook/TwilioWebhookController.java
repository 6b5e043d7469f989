package org.callbackladder.intake.webhook;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.callbackladder.contact.MessageOutbox;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.intake.ProviderSignals;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's programmable-voice and messaging callbacks, so a practice can point its number at
 * Callback Ladder. Each is checked with {@link TwilioSignature}; the provider's ids make a repeated
 * delivery a no-op. Twilio does not send a refused callback again, so a signed one is never refused
 * for its content ({@link ProviderSignals}).
 */
@Tag(name = "Webhooks", description = "Signed calls from phone systems and Twilio")
@RestController
@RequestMapping(path = "/webhooks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
public class TwilioWebhookController {

  /** Final statuses of an inbound call that nobody answered. */
  static final Set<String> MISSED = Set.of("no-answer", "busy", "failed", "canceled");
  static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  private final TwilioSignature signature;
  private final ProviderSignals signals;
  private final Voicemails voicemails;
  private final InboundTexts texts;
  private final MessageOutbox outbox;

  public TwilioWebhookController(
      TwilioSignature signature, ProviderSignals signals, Voicemails voicemails, InboundTexts texts, MessageOutbox outbox) {
    this.signature = signature;
    this.signals = signals;
    this.voicemails = voicemails;
    this.texts = texts;
    this.outbox = outbox;
  }

  /**
   * Call status: an inbound call that ended unanswered is a missed call; one that was answered is
   * the patient getting back to us, which matters only when they have an open request.
   */
  @PostMapping("/voice/status")
  public ResponseEntity<Void> callStatus(HttpServletRequest request) {
    Map<String, String> call = signature.verifiedParameters(request);
    if (!"inbound".equalsIgnoreCase(call.get("Direction"))) {
      return ResponseEntity.noContent().build();
    }
    String status = call.getOrDefault("CallStatus", "");
    String eventId = "twilio:call:" + call.get("CallSid");
    if (MISSED.contains(status)) {
      signals.receive(signal("MISSED_CALL", call, null, false), eventId);
    } else if ("completed".equals(status)) {
      signals.receiveIfOpen(signal("PHONE_CALL", call, null, true), eventId);
    }
    return ResponseEntity.noContent().build();
  }

  /** A voicemail's recording, and later its transcription. */
  @PostMapping("/voice/recording")
  public ResponseEntity<Void> recording(HttpServletRequest request) {
    voicemails.receive(signature.verifiedParameters(request));
    return ResponseEntity.noContent().build();
  }

  /** An inbound text. The answer is empty TwiML: no automatic reply. */
  @PostMapping(path = "/sms", produces = MediaType.APPLICATION_XML_VALUE)
  public ResponseEntity<String> sms(HttpServletRequest request) {
    Map<String, String> text = signature.verifiedParameters(request);
    texts.receive(text.get("From"), text.get("Body"), "twilio:sms:" + text.get("MessageSid"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
  }

  /**
   * Twilio's status callback for a text we sent (sent, delivered, undelivered, failed). The URL carries
   * the outbox row's token, so a report also settles a text whose sending was interrupted.
   */
  @PostMapping("/sms/status")
  public ResponseEntity<Void> smsStatus(HttpServletRequest request) {
    Map<String, String> report = signature.verifiedParameters(request);
    outbox.deliveryReported(request.getParameter("outbox"), report.get("MessageSid"), report.get("MessageStatus"),
        report.get("ErrorCode"));
    return ResponseEntity.noContent().build();
  }

  static NewCallbackRequest signal(String channel, Map<String, String> call, String message, boolean returnCall) {
    return new NewCallbackRequest(
        channel, "GENERAL", new NewCallbackRequest.Patient(call.get("CallerName"), call.get("From")),
        message, null, null, null, null, returnCall);
  }
}
