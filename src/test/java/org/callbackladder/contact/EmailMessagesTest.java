package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.intake.NewCallbackRequest;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Follow-ups by email for a patient who agreed to email and not to texts, over SMTP to GreenMail (a
 * real SMTP server): the message, a server that is down (tried again later), and a message
 * interrupted while sending, which fails for operations (SMTP cannot be asked whether it left) and
 * leaves once when they send it again.
 */
@CallbackLadderTest
class EmailMessagesTest {

  static final String FROM = "office@riverside.example";

  @Autowired TestRelays relays;
  @Autowired OutboxMessageRepository outbox;
  @Autowired MessageOutbox messages;
  @Autowired IntakeService intake;
  @Autowired TestClock clock;
  @Autowired TestRestTemplate http;

  GreenMail smtp;
  EmailSender email;
  MessageRelay relay;

  @BeforeEach
  void smtpServer() throws Exception {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(smtp.getSmtp().getPort());
    email = new EmailSender(mail, FROM);
    relay = relays.sendingBy(OutboxMessage.EMAIL, email);
    relay.relayDue(); // whatever else is due in this database leaves first
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void stop() {
    smtp.stop();
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void aPatientWhoAgreedToEmailAndNotToTextsGetsTheFollowUpByEmail() throws Exception {
    CallbackRequest request = emailOnly(Phones.next(), "pat.mail@example.org", null);
    OutboxMessage queued = messages.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    assertThat(queued.getChannel()).isEqualTo(OutboxMessage.EMAIL);
    assertThat(queued.getRecipient()).isEqualTo("pat.mail@example.org");

    relay.relayDue();

    MimeMessage received = onlyMessageTo("pat.mail@example.org");
    assertThat(received.getFrom()[0].toString()).isEqualTo(FROM);
    assertThat(received.getSubject()).isEqualTo("A message from Riverside Family Practice");
    assertThat(received.getContent().toString()).contains("(555) 010-0142", "about your message to our office")
        .doesNotContain("Pat Mail");
    assertThat(received.getHeader(EmailSender.TOKEN_HEADER)).containsExactly(queued.getSendToken());
    assertThat(outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.SENT);
  }

  @Test
  void aSpanishSpeakerGetsTheEmailInSpanish() throws Exception {
    CallbackRequest request = emailOnly(Phones.next(), "paciente@example.org", "es-MX");
    messages.queue(request.getId(), MessageKind.FINAL, 3).orElseThrow();

    relay.relayDue();

    MimeMessage received = onlyMessageTo("paciente@example.org");
    assertThat(received.getSubject()).isEqualTo("Un mensaje de Riverside Family Practice");
    assertThat(received.getContent().toString()).contains("intentó comunicarse con usted", "(555) 010-0142");
  }

  @Test
  void aServerThatIsDownIsTriedAgainLater() {
    CallbackRequest request = emailOnly(Phones.next(), "pat.later@example.org", null);
    OutboxMessage queued = messages.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    smtp.stop();

    relay.relayDue();

    OutboxMessage waiting = outbox.findById(queued.getId()).orElseThrow();
    assertThat(waiting.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
    assertThat(waiting.getLastError()).startsWith("SMTP");
    assertThat(waiting.getSendAfter()).isEqualTo(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.FIRST_RETRY));
  }

  @Test
  void anEmailInterruptedWhileSendingFailsForOperationsAndLeavesOnceWhenTheySendItAgain() throws Exception {
    CallbackRequest request = emailOnly(Phones.next(), "pat.retry@example.org", null);
    OutboxMessage queued = messages.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    MessageSender stopping = message -> {
      throw new IllegalStateException("the application stopped here");
    };
    assertThatThrownBy(relays.sendingBy(OutboxMessage.EMAIL, stopping)::relayDue).hasMessageContaining("stopped");

    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE));
    relay.relayDue();

    OutboxMessage failed = outbox.findById(queued.getId()).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
    assertThat(failed.getLastError()).contains("interrupted while sending");
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // operations see it, without the address or the words, and send it again
    ResponseEntity<JsonNode> list = http.withBasicAuth("operations", "demo").getForEntity("/api/messages/failed", JsonNode.class);
    JsonNode shown = findById(list.getBody(), queued.getId());
    assertThat(shown.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(shown.get("lastError").asText()).contains("interrupted while sending");
    assertThat(list.getBody().toString()).doesNotContain("pat.retry@example.org").doesNotContain(failed.getBody());
    assertThat(http.withBasicAuth("operations", "demo")
        .postForEntity("/api/messages/" + queued.getId() + "/retry", null, String.class).getStatusCode().value()).isEqualTo(200);

    relay.relayDue();
    relay.relayDue();

    assertThat(onlyMessageTo("pat.retry@example.org")).isNotNull();
    assertThat(outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(http.withBasicAuth("operations", "demo")
        .postForEntity("/api/messages/" + queued.getId() + "/retry", null, String.class).getStatusCode().value())
        .as("a sent message is not sent again").isEqualTo(400);
  }

  /**
   * A server that takes the whole message and then breaks the connection (closes it, or never
   * answers): the email may have left, so it is not sent blind again but failed for a person.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anEmailWhoseConnectionBreaksAfterTheServerTookItIsNotSentAgain(boolean closes) throws Exception {
    CallbackRequest request = emailOnly(Phones.next(), "pat.broken@example.org", null);
    OutboxMessage queued = messages.queue(request.getId(), MessageKind.FOLLOW_UP, 1).orElseThrow();
    try (ServerSocket server = new ServerSocket(0)) {
      AtomicInteger messagesTaken = new AtomicInteger();
      Thread stub = new Thread(() -> breakingSmtpServer(server, closes, messagesTaken));
      stub.start();
      JavaMailSenderImpl mail = new JavaMailSenderImpl();
      mail.setHost("127.0.0.1");
      mail.setPort(server.getLocalPort());
      mail.getJavaMailProperties().put("mail.smtp.timeout", "1000");
      MessageRelay breaking = relays.sendingBy(OutboxMessage.EMAIL, new EmailSender(mail, FROM));

      breaking.relayDue();
      OutboxMessage unanswered = outbox.findById(queued.getId()).orElseThrow();
      assertThat(unanswered.getStatus()).isEqualTo(OutboxMessage.Status.SENDING);
      assertThat(unanswered.getLastError()).isEqualTo("SMTP connection lost while sending: it may have left");

      clock.set(CallbackLadderTest.TUESDAY_9AM.plus(MessageRelay.LEASE));
      breaking.relayDue();
      OutboxMessage failed = outbox.findById(queued.getId()).orElseThrow();
      assertThat(failed.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
      assertThat(failed.getLastError()).contains("check before retrying");
      stub.join(5000);
      assertThat(messagesTaken).hasValue(1);
    }
  }

  /** Speaks SMTP up to the end of one message's data, then closes the connection or stays silent. */
  private static void breakingSmtpServer(ServerSocket server, boolean closes, AtomicInteger messagesTaken) {
    try (Socket client = server.accept();
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
      out.write("220 stub ESMTP\r\n");
      out.flush();
      boolean data = false;
      for (String line; (line = in.readLine()) != null; ) {
        if (data) {
          if (line.equals(".")) {
            messagesTaken.incrementAndGet();
            if (!closes) {
              Thread.sleep(2000);
            }
            return;
          }
          continue;
        }
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        out.write(switch (verb) {
          case "EHLO", "HELO" -> "250 stub\r\n";
          case "DATA" -> "354 go ahead\r\n";
          default -> "250 ok\r\n";
        });
        out.flush();
        data = verb.equals("DATA");
      }
    } catch (IOException | InterruptedException ignored) {
      // the test is over
    }
  }

  private MimeMessage onlyMessageTo(String address) throws Exception {
    List<MimeMessage> to = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(to).hasSize(1);
    return to.get(0);
  }

  private static JsonNode findById(JsonNode list, long id) {
    for (JsonNode message : list) {
      if (message.get("id").asLong() == id) {
        return message;
      }
    }
    throw new AssertionError("message " + id + " not listed");
  }

  private CallbackRequest emailOnly(String phone, String address, String language) {
    return intake.receive(new NewCallbackRequest("WEB_FORM", "GENERAL",
        new NewCallbackRequest.Patient("Pat Mail", phone, address, language, null, null), null, null, null, null,
        new NewCallbackRequest.Consent(false, null, true), null)).request();
  }


  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
