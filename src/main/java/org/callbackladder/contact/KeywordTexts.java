package org.callbackladder.contact;

import java.time.Duration;
import org.callbackladder.contact.TextKeywords.Found;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a keyword text at once. STOP and its kin revoke the number's text consent, cancel its texts
 * not sent yet and confirm once; START, UNSTOP and YES give it back and confirm; HELP and INFO answer
 * with the practice's name, number and hours. None of them opens a callback request.
 */
@Service
public class KeywordTexts {

  private static final Logger log = LoggerFactory.getLogger(KeywordTexts.class);

  private final PatientContacts contacts;
  private final MessageOutbox outbox;

  public KeywordTexts(PatientContacts contacts, MessageOutbox outbox) {
    this.contacts = contacts;
    this.outbox = outbox;
  }

  /**
   * Answers the keyword; false when it is none here after all: YES from a number that never opted
   * out is a patient's answer (to a follow-up, say), not a subscription.
   */
  @Transactional
  public boolean answer(String phone, Found found) {
    if ("YES".equals(found.word()) && contacts.find(phone).map(c -> c.getOptedOutAt() == null).orElse(true)) {
      return false;
    }
    switch (found.keyword()) {
      case OPT_OUT -> {
        // first the number's record, locked: a text being queued at this moment is either in the
        // outbox already (and cancelled below) or decided after this opt-out (and not queued)
        boolean changed = contacts.textConsentByKeyword(phone, false, found.word());
        int cancelled = outbox.cancelPendingTexts(phone);
        if (changed) {
          outbox.reply(phone, MessageKind.OPT_OUT_CONFIRMATION);
        }
        log.info("Opt-out by keyword: {} queued texts cancelled", cancelled);
      }
      case OPT_IN -> {
        if (contacts.textConsentByKeyword(phone, true, found.word())) {
          outbox.reply(phone, MessageKind.OPT_IN_CONFIRMATION);
        }
      }
      case HELP -> {
        // at most one answer an hour: a redelivery or an auto-responder answering ours is not a loop
        if (!outbox.repliedWithin(phone, MessageKind.HELP_REPLY, Duration.ofHours(1))) {
          outbox.reply(phone, MessageKind.HELP_REPLY);
        }
      }
    }
    return true;
  }
}
