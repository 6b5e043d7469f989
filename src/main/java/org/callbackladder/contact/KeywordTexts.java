package org.callbackladder.contact;

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

  @Transactional
  public void answer(String phone, Found found) {
    switch (found.keyword()) {
      case OPT_OUT -> {
        int cancelled = outbox.cancelPendingTexts(phone);
        if (contacts.textConsentByKeyword(phone, false, found.word())) {
          outbox.reply(phone, MessageKind.OPT_OUT_CONFIRMATION);
        }
        log.info("Opt-out by keyword: {} queued texts cancelled", cancelled);
      }
      case OPT_IN -> {
        if (contacts.textConsentByKeyword(phone, true, found.word())) {
          outbox.reply(phone, MessageKind.OPT_IN_CONFIRMATION);
        }
      }
      case HELP -> outbox.reply(phone, MessageKind.HELP_REPLY);
    }
  }
}
