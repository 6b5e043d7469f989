package org.callbackladder.contact;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The sender of each channel, chosen by configuration: texts through Twilio
 * ({@code callback.contact.text-sender=twilio}), email over SMTP ({@code callback.contact.email.sender=smtp}),
 * portal messages through the portal's webhook ({@code callback.contact.portal.sender=webhook}); every
 * channel left alone is only recorded, so the default run sends nothing anywhere.
 */
@Component
public class MessageSenders {

  private final Map<String, MessageSender> byChannel;

  @Autowired
  MessageSenders(ContactProperties contact, ObjectProvider<JavaMailSender> mail, Clock clock) {
    this(Map.of(
        OutboxMessage.SMS, texts(contact),
        OutboxMessage.EMAIL, email(contact.email(), mail),
        OutboxMessage.PORTAL, portal(contact.portal(), clock)));
  }

  /** Given senders, e.g. a test's. */
  public MessageSenders(Map<String, MessageSender> byChannel) {
    this.byChannel = Map.copyOf(byChannel);
  }

  MessageSender forChannel(String channel) {
    MessageSender sender = byChannel.get(channel);
    if (sender == null) {
      throw new IllegalStateException("No sender for channel " + channel);
    }
    return sender;
  }

  private static MessageSender texts(ContactProperties contact) {
    if (!contact.sendsThroughTwilio()) {
      return new RecordingSender();
    }
    ContactProperties.Twilio twilio = contact.twilio();
    if (twilio == null || blank(twilio.accountSid()) || blank(twilio.authToken()) || blank(twilio.from())) {
      throw new IllegalStateException("callback.contact.text-sender=twilio needs callback.contact.twilio.account-sid,"
          + " auth-token and from (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)");
    }
    return new TwilioTextSender(twilio.apiBaseUrl(), twilio.accountSid(), twilio.authToken(), twilio.from(),
        twilio.statusCallbackUrl());
  }

  private static MessageSender email(ContactProperties.Email email, ObjectProvider<JavaMailSender> mail) {
    if (email == null || !email.sendsThroughSmtp()) {
      return new RecordingSender();
    }
    JavaMailSender smtp = mail.getIfAvailable();
    if (smtp == null || blank(email.from())) {
      throw new IllegalStateException("callback.contact.email.sender=smtp needs spring.mail.host (SPRING_MAIL_HOST) and"
          + " callback.contact.email.from (CALLBACK_EMAIL_FROM)");
    }
    return new EmailSender(smtp, email.from());
  }

  private static MessageSender portal(ContactProperties.Portal portal, Clock clock) {
    if (portal == null || !portal.sendsThroughWebhook()) {
      return new RecordingSender();
    }
    if (blank(portal.url()) || blank(portal.secret()) || portal.secret().length() < 32) {
      throw new IllegalStateException("callback.contact.portal.sender=webhook needs callback.contact.portal.url"
          + " (CALLBACK_PORTAL_URL) and a secret of at least 32 characters (CALLBACK_PORTAL_SECRET)");
    }
    return new PortalSender(portal.url(), portal.secret(), clock);
  }

  /** A provider's HTTP answer must come well inside the relay's lease on a row ({@link MessageRelay#LEASE}). */
  static ClientHttpRequestFactory withTimeouts() {
    return ClientHttpRequestFactoryBuilder.detect().build(ClientHttpRequestFactorySettings.defaults()
        .withConnectTimeout(Duration.ofSeconds(10)).withReadTimeout(Duration.ofSeconds(30)));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
