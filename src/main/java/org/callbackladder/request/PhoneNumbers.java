package org.callbackladder.request;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.callbackladder.practice.PracticeProperties;
import org.springframework.stereotype.Component;

/** Reads phone numbers as people write them and keeps them in E.164. */
@Component
public class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private final String defaultRegion;

  public PhoneNumbers(PracticeProperties practice) {
    this.defaultRegion = practice.phoneRegion();
  }

  /** The number in E.164 (+14155550132) with its type (MOBILE, FIXED_LINE...), or empty when invalid. */
  public Optional<Phone> parse(String written) {
    try {
      PhoneNumber number = UTIL.parse(written, defaultRegion);
      return UTIL.isValidNumber(number)
          ? Optional.of(new Phone(UTIL.format(number, PhoneNumberFormat.E164), UTIL.getNumberType(number).name()))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** The number in E.164 (+14155550132), or empty when it is not a valid number. */
  public Optional<String> toE164(String written) {
    return parse(written).map(Phone::e164);
  }

  /** The number's time zone when libphonenumber maps it to exactly one, e.g. San Francisco numbers. */
  public Optional<ZoneId> timeZoneOf(String e164) {
    try {
      List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(UTIL.parse(e164, defaultRegion));
      return zones.size() == 1 && !zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())
          ? Optional.of(ZoneId.of(zones.get(0)))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** An E.164 number the way a person dials it (+1 415-555-0132). */
  public String forDialling(String e164) {
    try {
      return UTIL.format(UTIL.parse(e164, defaultRegion), PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }

  /**
   * How to write a number, in words a person at the front desk reads: "a US number like (201)
   * 555-0123, or another country's with its code, like +44 7400 123456".
   */
  public String howToWrite() {
    Phonenumber.PhoneNumber local = UTIL.getExampleNumberForType(defaultRegion, PhoneNumberUtil.PhoneNumberType.MOBILE);
    Phonenumber.PhoneNumber abroad = UTIL.getExampleNumberForType("GB".equals(defaultRegion) ? "IE" : "GB",
        PhoneNumberUtil.PhoneNumberType.MOBILE);
    return "a " + defaultRegion + " number like " + UTIL.format(local, PhoneNumberFormat.NATIONAL)
        + ", or another country's with its code, like " + UTIL.format(abroad, PhoneNumberFormat.INTERNATIONAL);
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  public record Phone(String e164, String type) {}
}
