package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.webhook.InboundTexts;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * The contact policy as a table: consent (text, email, portal) x opt-out x number type x what the
 * patient asked for x the calling window x the caps, each row with the channel, the recipient and
 * the reason the policy must give. Rows are set up the way they happen: an intake form, a STOP text,
 * staff recording what the patient asked for, messages already sent.
 */
@CallbackLadderTest
class ContactPolicyTableTest {

  /** UK London fixed lines (a type that never takes texts), one per row. */
  private static final AtomicInteger FIXED = new AtomicInteger(1000);

  @Autowired IntakeService intake;
  @Autowired InboundTexts inbound;
  @Autowired PatientContacts contacts;
  @Autowired ContactPolicy policy;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;

  @AfterEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # case                                   | text  | STOP  | number | email | portal | asked            | sent today | sent week | patient time | channel | to     | reason
      consenting mobile                        | true  | false | mobile | -     | false  | -                | 0 | 0 | 09:00 | SMS     | own    | text: consent from intake WEB_FORM on 2026-12-01
      never asked                              | -     | false | mobile | -     | false  | -                | 0 | 0 | 09:00 | -       | -      | no message: no text (the patient was not asked for consent to texts); no consent to email; no consent to portal messages
      declined on the form                     | false | false | mobile | -     | false  | -                | 0 | 0 | 09:00 | -       | -      | no message: no text (the patient declined texts, intake WEB_FORM); no consent to email; no consent to portal messages
      opted out by STOP                        | true  | true  | mobile | -     | false  | -                | 0 | 0 | 09:00 | -       | -      | no message: no text (opted out 2026-12-01 by keyword STOP); no consent to email; no consent to portal messages
      opted out of texts, agreed to email      | true  | true  | mobile | yes   | false  | -                | 0 | 0 | 09:00 | EMAIL   | email  | email: the patient agreed to email
      fixed line                               | true  | false | fixed  | -     | false  | -                | 0 | 0 | 09:00 | -       | -      | no message: no text (a fixed line number cannot take texts); no consent to email; no consent to portal messages
      fixed line, agreed to email              | true  | false | fixed  | yes   | false  | -                | 0 | 0 | 09:00 | EMAIL   | email  | email: the patient agreed to email
      agreed to email, gave no address         | false | false | mobile | none  | false  | -                | 0 | 0 | 09:00 | -       | -      | no message: no text (the patient declined texts, intake WEB_FORM); no email address; no consent to portal messages
      wrote through the portal                 | false | false | mobile | -     | true   | -                | 0 | 0 | 09:00 | PORTAL  | own    | portal message: the patient agreed to portal messages
      one sent today                           | true  | false | mobile | -     | false  | -                | 1 | 1 | 09:00 | -       | -      | no message: 1 in the last 24 hours (at most 1)
      three this week                          | true  | false | mobile | yes   | false  | -                | 0 | 3 | 09:00 | -       | -      | no message: 3 this week (at most 3)
      two this week                            | true  | false | mobile | -     | false  | -                | 0 | 2 | 09:00 | SMS     | own    | text: consent from intake WEB_FORM on 2026-12-01
      late evening for the patient             | true  | false | mobile | -     | false  | -                | 0 | 0 | 22:00 | SMS     | own    | text: consent from intake WEB_FORM on 2026-12-01
      messages to another number               | true  | false | mobile | -     | false  | other number     | 0 | 0 | 09:00 | SMS     | other  | text: consent from intake WEB_FORM on 2026-12-01, to the number the patient gave for messages
      this number only beats another number    | true  | false | mobile | -     | false  | this number only | 0 | 0 | 09:00 | SMS     | own    | text: consent from intake WEB_FORM on 2026-12-01
      messages to another address              | false | false | mobile | yes   | false  | other address    | 0 | 0 | 09:00 | EMAIL   | other  | email: the patient agreed to email
      text only, texts declined, email agreed  | false | false | mobile | yes   | false  | text only        | 0 | 0 | 09:00 | -       | -      | no message: no text (the patient declined texts, intake WEB_FORM); the patient asked for texts only
      not during work hours                    | true  | false | mobile | -     | false  | not at work      | 0 | 0 | 09:00 | SMS     | own    | text: consent from intake WEB_FORM on 2026-12-01
      """)
  void decides(String name, Boolean text, boolean stop, String number, String email, boolean portal, String asked, int today,
      int week, String patientTime, String channel, String to, String reason) {
    String phone = "fixed".equals(number) ? "+44207946" + FIXED.getAndIncrement() : Phones.next();
    boolean late = "22:00".equals(patientTime);
    clock.set(late ? Instant.parse("2026-12-02T03:00:00Z") : CallbackLadderTest.TUESDAY_9AM);
    String address = "yes".equals(email) ? "pat.table@example.org" : null;
    CallbackRequest request = intake.receive(new NewCallbackRequest(portal ? "PORTAL_MESSAGE" : "WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Pat Table", phone, address, null, null, null), null, null, null, null,
        new NewCallbackRequest.Consent(text, null, email == null ? null : true), null)).request();
    if (stop) {
      inbound.receive(phone, "STOP", "sms:table-" + phone);
    }
    String other = null;
    if ("other number".equals(asked) || "this number only".equals(asked)) {
      other = Phones.next();
      contacts.update(phone, new ContactPreferences.Update(null, null, null, null, "this number only".equals(asked), null, null,
          other, null, "phone call"));
    } else if ("text only".equals(asked)) {
      contacts.update(phone, new ContactPreferences.Update(null, null, null, null, null, true, null, null, null, "phone call"));
    } else if ("not at work".equals(asked)) {
      contacts.update(phone, new ContactPreferences.Update(null, null, null, null, null, null, true, null, null, "phone call"));
    } else if ("other address".equals(asked)) {
      other = "pat.elsewhere@example.org";
      contacts.update(phone, new ContactPreferences.Update(null, null, null, null, null, null, null, null, other, "letter"));
    }
    sent(phone, today, clock.instant().minusSeconds(3600));
    sent(phone, week - today, clock.instant().minusSeconds(3 * 86400));

    ContactPolicy.Verdict verdict = policy.message(request);

    assertThat(verdict.reason()).isEqualTo(reason);
    assertThat(verdict.allowed()).isEqualTo(channel != null);
    assertThat(verdict.channel()).isEqualTo(channel);
    String expectedTo = to == null ? null : switch (to) {
      case "own" -> phone;
      case "email" -> address;
      default -> other;
    };
    assertThat(verdict.recipient()).isEqualTo(expectedTo);
    if ("SMS".equals(channel)) {
      // a text waits for the patient's day: 08:00 the next morning after a late evening; 17:00 when they work until then
      assertThat(verdict.sendAfter()).isEqualTo(late ? Instant.parse("2026-12-02T13:00:00Z")
          : "not at work".equals(asked) ? Instant.parse("2026-12-01T22:00:00Z") : clock.instant());
    }
  }

  /** Ladder messages already sent to the number, by any channel. */
  private void sent(String phone, int count, Instant at) {
    for (int i = 0; i < count; i++) {
      new SimpleJdbcInsert(jdbc).withTableName("outbox_message")
          .usingColumns("kind", "attempt_number", "channel", "patient_phone", "recipient", "body", "status", "created_at")
          .execute(Map.of("kind", "FOLLOW_UP", "attempt_number", 1, "channel", "SMS", "patient_phone", phone, "recipient", phone,
              "body", "text", "status", "SENT", "created_at", Timestamp.from(at)));
    }
  }
}
