package org.callbackladder.intake.webhook;

import java.util.Optional;
import org.callbackladder.contact.KeywordTexts;
import org.callbackladder.contact.TextKeywords;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.intake.ProviderSignals;
import org.callbackladder.request.PhoneNumbers;
import org.springframework.stereotype.Service;

/**
 * The one place an inbound text goes through, whichever provider delivered it. A text that is a
 * keyword (STOP, START, HELP...) is answered and opens nothing; any other text is a patient's
 * message: screened for red flags, merged into the open request or opening a new one.
 */
@Service
public class InboundTexts {

  private final ProviderSignals signals;
  private final KeywordTexts keywords;
  private final PhoneNumbers phoneNumbers;

  public InboundTexts(ProviderSignals signals, KeywordTexts keywords, PhoneNumbers phoneNumbers) {
    this.signals = signals;
    this.keywords = keywords;
    this.phoneNumbers = phoneNumbers;
  }

  /** {@code eventId} is the provider's id of the message, so a repeated delivery is one signal. */
  public void receive(String from, String body, String eventId) {
    if (answeredAsKeyword(from, body)) {
      return;
    }
    signals.receive(
        new NewCallbackRequest("TEXT_MESSAGE", "GENERAL", new NewCallbackRequest.Patient(null, from), body, null, null),
        eventId);
  }

  /** Whether the text was a keyword from a valid number, and is answered (any webhook that carries texts asks). */
  public boolean answeredAsKeyword(String from, String body) {
    Optional<String> number = phoneNumbers.toE164(from);
    Optional<TextKeywords.Found> keyword = TextKeywords.of(body);
    return number.isPresent() && keyword.isPresent() && keywords.answer(number.get(), keyword.get());
  }
}
