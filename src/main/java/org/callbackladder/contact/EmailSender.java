package org.callbackladder.contact;

import jakarta.mail.MessagingException;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.callbackladder.contact.MessageSender.Refused.Kind;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends email over SMTP (Spring Mail, {@code spring.mail.*}). The row's token goes out as the
 * {@code X-Callback-Ladder-Message} header, for the practice's mail logs. SMTP cannot be asked
 * afterwards whether a message left, so one interrupted while sending fails for a person to check.
 */
public class EmailSender implements MessageSender {

  static final String TOKEN_HEADER = "X-Callback-Ladder-Message";
  /** Jakarta Mail's reply code when the server closed the connection instead of answering. */
  private static final int NO_ANSWER = -1;

  private final JavaMailSender mail;
  private final String from;

  public EmailSender(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public Sent send(OutboxMessage message) {
    try {
      MimeMessage email = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(email, "UTF-8");
      helper.setFrom(from);
      helper.setTo(message.getRecipient());
      helper.setSubject(message.getSubject());
      helper.setText(message.getBody());
      email.setHeader(TOKEN_HEADER, message.getSendToken());
      mail.send(email);
      return new Sent(OutboxMessage.Status.SENT, null);
    } catch (MessagingException unreadable) {
      throw new Refused(Kind.PERMANENT, "email not accepted: " + unreadable.getClass().getSimpleName());
    } catch (MailAuthenticationException refused) {
      // the practice's SMTP account: fixed by operations, then retried
      throw new Refused(Kind.TEMPORARY, "SMTP authentication failed");
    } catch (MailSendException refused) {
      if (lostWhileSending(refused)) {
        // the server may have taken it before the connection broke: not sent blind again, looked up (and failed) after the lease
        throw new Refused(Kind.UNANSWERED, "SMTP connection lost while sending: it may have left");
      }
      boolean forGood = addressRefused(refused);
      throw new Refused(forGood ? Kind.PERMANENT : Kind.TEMPORARY,
          "SMTP refused: " + refused.getClass().getSimpleName() + (forGood ? " (the address was refused)" : ""));
    } catch (MailException unreachable) {
      throw new Refused(Kind.TEMPORARY, "SMTP unreachable: " + unreachable.getClass().getSimpleName());
    }
  }

  /**
   * The connection broke or timed out once the message was under way, without an answer from the
   * server (closed: Jakarta Mail reports "[EOF]" with no reply code; silent: a read timeout). A reply,
   * even a refusal, is an answer; a failure to connect is not this either: nothing was sent.
   */
  private static boolean lostWhileSending(MailSendException failed) {
    return failed.getFailedMessages().values().stream().anyMatch(cause -> cause instanceof SMTPSendFailedException answer
        ? answer.getReturnCode() == NO_ANSWER
        : !causedBy(cause, MailConnectException.class) && causedBy(cause, IOException.class));
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  /** The server refused the recipient's address for good (a 5xx answer to RCPT TO). */
  private static boolean addressRefused(MailSendException failed) {
    return failed.getFailedMessages().values().stream()
        .anyMatch(cause -> cause instanceof SendFailedException sendFailed
            && sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0);
  }
}
