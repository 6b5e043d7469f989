package org.callbackladder.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callbackladder.request.Channel;
import org.callbackladder.request.PhoneNumbers;
import org.callbackladder.request.Reason;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.springframework.stereotype.Component;

/** The rules every new callback request meets, whichever channel brought it. */
@Component
public class CallbackRequestValidator {

  static final int NAME_MAX = 200;
  static final int MESSAGE_MAX = 4000;
  static final int PREFERRED_TIMES_MAX = 500;
  static final int EXTERNAL_ID_MAX = 200;

  private final PhoneNumbers phoneNumbers;

  public CallbackRequestValidator(PhoneNumbers phoneNumbers) {
    this.phoneNumbers = phoneNumbers;
  }

  /** The request with its values parsed and normalized, or an exception listing every problem. */
  public ValidRequest validate(NewCallbackRequest input) {
    List<FieldProblem> problems = new ArrayList<>();
    Channel channel = FieldRules.oneOf(Channel.class, "channel", input.channel(), problems);
    Reason reason = FieldRules.oneOf(Reason.class, "reason", input.reason(), problems);
    String name = null;
    String phone = null;
    if (input.patient() == null) {
      problems.add(new FieldProblem("patient", "required", "is required"));
    } else {
      name = FieldRules.requiredText("patient.name", input.patient().name(), NAME_MAX, problems);
      String written = FieldRules.requiredText("patient.phone", input.patient().phone(), 40, problems);
      if (written != null) {
        Optional<String> e164 = phoneNumbers.toE164(written);
        if (e164.isEmpty()) {
          problems.add(
              new FieldProblem(
                  "patient.phone",
                  "phone-number",
                  "is not a valid phone number (use +country code, or a "
                      + phoneNumbers.defaultRegion()
                      + " number)"));
        }
        phone = e164.orElse(null);
      }
    }
    String message = FieldRules.optionalText("message", input.message(), MESSAGE_MAX, problems);
    String preferredTimes = FieldRules.optionalText("preferredTimes", input.preferredTimes(), PREFERRED_TIMES_MAX, problems);
    String externalId = FieldRules.optionalText("externalId", input.externalId(), EXTERNAL_ID_MAX, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new ValidRequest(channel, reason, name, phone, message, preferredTimes, externalId);
  }

  public record ValidRequest(
      Channel channel,
      Reason reason,
      String patientName,
      String patientPhone,
      String message,
      String preferredTimes,
      String externalId) {}
}
