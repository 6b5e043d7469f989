package org.callbackladder.intake.webhook;

import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.callbackladder.intake.IntakeResult;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.intake.ProviderSignals;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.HmacSignature;
import org.callbackladder.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/phone-system}: signed JSON events from phone systems other than Twilio. The
 * signature is checked on the raw body before anything is read from it. A signed event is not
 * thrown away for its content: text is fitted and a call from a number nobody can call back is kept
 * for managers (202, {@code uncallable: true}); an event that breaks other rules gets 400.
 */
@Tag(name = "Webhooks", description = "Signed calls from phone systems and Twilio")
@RestController
public class PhoneSystemWebhookController {

  private final PhoneSystemSignature signature;
  private final ProviderSignals signals;
  private final InboundTexts texts;
  private final ObjectMapper json;

  public PhoneSystemWebhookController(
      PhoneSystemSignature signature, ProviderSignals signals, InboundTexts texts, ObjectMapper json) {
    this.signature = signature;
    this.texts = texts;
    this.signals = signals;
    this.json = json;
  }

  @PostMapping(path = "/webhooks/phone-system", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Answer> receive(
      @RequestHeader(name = HmacSignature.TIMESTAMP_HEADER, required = false) String timestamp,
      @RequestHeader(name = HmacSignature.SIGNATURE_HEADER, required = false) String signed,
      @RequestBody byte[] body) {
    signature.verify(timestamp, signed, body);
    Event event = read(body);
    if (event.eventId() == null || event.eventId().isBlank()) {
      throw new InvalidInputException(List.of(new FieldProblem("eventId", "required", "is required")));
    }
    if ("TEXT_MESSAGE".equals(event.channel()) && event.patient() != null
        && texts.answeredAsKeyword(event.patient().phone(), event.message())) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Answer(null, false, false, false, true));
    }
    Optional<IntakeResult> received = signals.receive(
        new NewCallbackRequest(event.channel(), event.reason() == null ? "GENERAL" : event.reason(), event.patient(),
            event.message(), event.preferredTimes(), null, null, null, event.returnCall()),
        "phone-system:" + event.eventId().strip());
    if (received.isEmpty()) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Answer(null, false, false, true, false));
    }
    IntakeResult result = received.get();
    return ResponseEntity.status(result.merged() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(new Answer(result.request().getId(), result.merged(), result.replayed(), false, false));
  }

  private Event read(byte[] body) {
    try {
      return json.readValue(body, Event.class);
    } catch (IOException e) {
      throw new InvalidInputException(List.of(new FieldProblem("body", "json", "is not a JSON event as documented")));
    }
  }

  /** What a phone system sends; {@code reason} defaults to GENERAL. */
  public record Event(
      String eventId,
      String channel,
      String reason,
      NewCallbackRequest.Patient patient,
      String message,
      String preferredTimes,
      Boolean returnCall) {}

  /** {@code uncallable}: kept for managers as a missed call we cannot return; no request was opened. */
  /** {@code keyword}: the text was STOP, START, HELP or one of their kin, answered and kept out of the requests. */
  public record Answer(UUID id, boolean merged, boolean replayed, boolean uncallable, boolean keyword) {}
}
