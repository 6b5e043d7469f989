package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.callbackladder.contact.TextKeywords.Keyword;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every keyword in the forms patients type them, and the messages that only look like one. */
class TextKeywordsTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(delimiter = '|', value = {
    "STOP | OPT_OUT", "stop | OPT_OUT", "  Stop.  | OPT_OUT", "STOP! | OPT_OUT", "StopAll | OPT_OUT",
    "unsubscribe | OPT_OUT", "Cancel | OPT_OUT", "end | OPT_OUT", "QUIT | OPT_OUT", "revoke | OPT_OUT",
    "opt out | OPT_OUT", "Opt  Out | OPT_OUT", "optout | OPT_OUT", "\"STOP\" | OPT_OUT",
    "START | OPT_IN", "unstop | OPT_IN", "Yes | OPT_IN", "yes! | OPT_IN",
    "HELP | HELP", "help? | HELP", "Info | HELP", "\u201cSTOP\u201d | OPT_OUT", "STOP\u00a0 | OPT_OUT",
  })
  void theWholeMessageIsTheKeyword(String message, Keyword keyword) {
    assertThat(TextKeywords.of(message)).get().extracting(TextKeywords.Found::keyword).isEqualTo(keyword);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "please stop calling me after 5", "stop it", "I want to cancel my appointment", "yes please call me back",
    "help my dad has chest pain", "STOPP", "stopping by tomorrow", "can you end the call earlier", "", "   ", "?",
    "the end", "info about my bill",
  })
  void aMessageThatOnlyContainsAKeywordIsAPatientMessage(String message) {
    assertThat(TextKeywords.of(message)).isEmpty();
  }
}
