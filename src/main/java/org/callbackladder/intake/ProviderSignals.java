package org.callbackladder.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.callbackladder.request.Channel;
import org.callbackladder.request.UncallableSignal;
import org.callbackladder.request.UncallableSignalRepository;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Signals from a phone system (Twilio, the signed generic webhook), which does not send a refused
 * callback again: none is thrown away for its content. Text is made to fit (control characters
 * removed, an over-long field cut, which the log notes without the text), and a call from a number
 * nobody can call back (withheld, "anonymous", not a phone number) is kept as an
 * {@link UncallableSignal} for practice managers.
 */
@Service
public class ProviderSignals {

  static final String UNCALLABLE_METRIC = "callback.signals.uncallable";
  private static final Logger log = LoggerFactory.getLogger(ProviderSignals.class);

  private final IntakeService intake;
  private final UncallableSignalRepository uncallable;
  private final MeterRegistry meters;
  private final Clock clock;

  public ProviderSignals(IntakeService intake, UncallableSignalRepository uncallable, MeterRegistry meters, Clock clock) {
    this.intake = intake;
    this.uncallable = uncallable;
    this.meters = meters;
    this.clock = clock;
  }

  /** Opens or joins a request; empty when the number cannot be called and the signal was kept aside. */
  public Optional<IntakeResult> receive(NewCallbackRequest signal, String eventId) {
    NewCallbackRequest fitted = fitted(signal, eventId);
    try {
      return Optional.of(intake.receive(fitted, eventId));
    } catch (InvalidInputException refused) {
      if (refused.problems().stream().anyMatch(problem -> !problem.field().equals("patient.phone"))) {
        throw refused;
      }
      keepAside(fitted, eventId);
      return Optional.empty();
    }
  }

  /** Like {@link IntakeService#receiveIfOpen}; a number nobody can call has no open request to join. */
  public Optional<IntakeResult> receiveIfOpen(NewCallbackRequest signal, String eventId) {
    NewCallbackRequest fitted = fitted(signal, eventId);
    try {
      return intake.receiveIfOpen(fitted, eventId);
    } catch (InvalidInputException refused) {
      return Optional.empty();
    }
  }

  private void keepAside(NewCallbackRequest signal, String eventId) {
    Optional<UncallableSignal> known = uncallable.findByExternalId(eventId);
    if (known.isPresent()) {
      if (signal.message() != null && !signal.message().equals(known.get().getMessage())) {
        known.get().transcribed(signal.message());
        uncallable.save(known.get());
      }
      return;
    }
    try {
      UncallableSignal kept = uncallable.saveAndFlush(new UncallableSignal(Channel.valueOf(signal.channel().strip()),
          FieldRules.fitted(signal.patient().phone(), 64), signal.patient().name(), signal.message(), eventId, clock.instant()));
      meters.counter(UNCALLABLE_METRIC, "channel", signal.channel()).increment();
      log.info("Signal {} kept as uncallable signal {}: the number it came from cannot be called back", eventId, kept.getId());
    } catch (DataIntegrityViolationException delivered) {
      // the same event delivered twice at once: the other delivery kept it
    }
  }

  private static NewCallbackRequest fitted(NewCallbackRequest signal, String eventId) {
    NewCallbackRequest.Patient patient = signal.patient();
    String name = fit(patient == null ? null : patient.name(), CallbackRequestValidator.NAME_MAX, "caller name", eventId);
    return new NewCallbackRequest(signal.channel(), signal.reason(),
        patient == null ? new NewCallbackRequest.Patient(name, null) : new NewCallbackRequest.Patient(
            name, patient.phone(), patient.email(), patient.preferredLanguage(), patient.dateOfBirth(), patient.timeZone()),
        fit(signal.message(), CallbackRequestValidator.MESSAGE_MAX, "message", eventId),
        fit(signal.preferredTimes(), CallbackRequestValidator.PREFERRED_TIMES_MAX, "preferred times", eventId),
        signal.externalId(), signal.referral(), signal.consent(), signal.returnCall(), signal.restrictions());
  }

  private static String fit(String text, int max, String what, String eventId) {
    String fitted = FieldRules.fitted(text, max);
    if (text != null && fitted.length() < text.strip().length()) {
      log.info("Signal {}: its {} was cut to {} characters or had control characters removed", eventId, what, max);
    }
    return fitted;
  }
}
