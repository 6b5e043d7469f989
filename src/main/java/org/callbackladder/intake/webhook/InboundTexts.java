package org.callbackladder.intake.webhook;

import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.intake.ProviderSignals;
import org.springframework.stereotype.Service;

/**
 * The one place an inbound text goes through, whichever provider delivered it. Keywords such as
 * STOP or HELP will be answered here before a text becomes a callback signal.
 */
@Service
public class InboundTexts {

  private final ProviderSignals signals;

  public InboundTexts(ProviderSignals signals) {
    this.signals = signals;
  }

  /** {@code eventId} is the provider's id of the message, so a repeated delivery is one signal. */
  public void receive(String from, String body, String eventId) {
    signals.receive(
        new NewCallbackRequest("TEXT_MESSAGE", "GENERAL", new NewCallbackRequest.Patient(null, from), body, null, null),
        eventId);
  }
}
