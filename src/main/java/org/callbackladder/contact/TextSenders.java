package org.callbackladder.contact;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which sender the relay uses: Twilio when configured (callback.contact.sender=twilio), else recording only. */
@Configuration
public class TextSenders {

  @Bean
  TextSender textSender(ContactProperties contact) {
    if (!contact.sendsThroughTwilio()) {
      return new RecordingTextSender();
    }
    ContactProperties.Twilio twilio = contact.twilio();
    if (twilio == null || blank(twilio.accountSid()) || blank(twilio.authToken()) || blank(twilio.from())) {
      throw new IllegalStateException("callback.contact.sender=twilio needs callback.contact.twilio.account-sid,"
          + " auth-token and from (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)");
    }
    return new TwilioTextSender(twilio.apiBaseUrl(), twilio.accountSid(), twilio.authToken(), twilio.from(),
        twilio.statusCallbackUrl());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
