package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.request.Reason;
import org.callbackladder.support.TestPractice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.FileSystemResource;

/** processes/scripts/call-scripts*.yaml: complete for every reason in every language, and privacy-minimal. */
class ScriptCatalogTest {

  static final PracticeProperties PRACTICE = TestPractice.weekdaysEightToSix();
  /** Words that would tell a listener more than the general purpose of the call. */
  static final Pattern CLINICAL_WORDS =
      Pattern.compile(
          "\\b(diagnos\\w*|results?|medications?|medicines?|symptoms?|tests?|labs?|prescriptions?|hospital\\w*|discharged?)\\b",
          Pattern.CASE_INSENSITIVE);

  static final ContactProperties.MessageCaps CAPS = new ContactProperties.MessageCaps(1, 3);

  final ScriptCatalog catalog = new ScriptCatalog(settings("file:processes/scripts/call-scripts*.yaml"), PRACTICE);

  /** The shipped scripts' settings, with the scripts at {@code location}. */
  static ContactProperties settings(String location) {
    return new ContactProperties(
        new ContactProperties.Scripts(location, "en", new FileSystemResource("processes/scripts/pressure-phrases.txt")),
        CAPS, null, null, null, null);
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void everyReasonHasACompleteRenderedScript(Reason reason) {
    CallScript script = catalog.scriptFor(reason, null);

    for (String line : List.of(script.opening(), script.voicemail(), script.followUpText(),
        script.finalMessage(), script.followUpEmail(), script.finalEmail(), script.closing(), script.redFlag(),
        script.emergency())) {
      assertThat(line).isNotBlank().doesNotContain("{{", "}}");
    }
    assertThat(script.opening()).contains("Test Practice");
    assertThat(script.emergency()).contains("911");
  }

  /** Voicemails and texts name the practice and number, say no more than the purpose, and texts can be stopped. */
  @ParameterizedTest
  @EnumSource(Reason.class)
  void messagesLeftForThePatientAreMinimal(Reason reason) {
    CallScript script = catalog.scriptFor(reason, null);

    for (String message : List.of(script.voicemail(), script.followUpText(), script.finalMessage(), script.followUpEmail(),
        script.finalEmail())) {
      assertThat(message).contains("Test Practice", "(555) 010-0100");
      assertThat(message.replace(PRACTICE.name(), "")).as(reason.name()).doesNotContainPattern(CLINICAL_WORDS);
    }
    for (String text : List.of(script.followUpText(), script.finalMessage())) {
      assertThat(text).contains("Reply STOP to opt out").hasSizeLessThanOrEqualTo(320);
    }
  }

  @Test
  void aReasonWithoutAScriptStopsTheApplication(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("call-scripts.yaml"), """
        language: en
        shared: { redFlag: "r", emergency: "e", optOutConfirmation: "o", optInConfirmation: "i STOP", help: "h STOP",
                  minimalVoicemail: "m", emailSubject: "s" }
        defaults: { voicemail: "v", followUpText: "f STOP", finalMessage: "m STOP", followUpEmail: "e", finalEmail: "e",
                    closing: "c" }
        reasons:
          GENERAL: { purpose: "about your message", opening: "Hello" }
        """);

    assertThatThrownBy(() -> new ScriptCatalog(settings(dir.toUri() + "call-scripts*.yaml"), PRACTICE))
        .hasMessageContaining("reason NEW_PATIENT_APPOINTMENT has no purpose");
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void aSpanishSpeakerGetsTheSpanishScriptAndAnyOtherLanguageTheDefault(Reason reason) {
    assertThat(catalog.scriptFor(reason, "es-MX").language()).isEqualTo("es");
    assertThat(catalog.scriptFor(reason, "es-MX").followUpText()).contains("Responda STOP", PRACTICE.callbackNumber());
    assertThat(catalog.scriptFor(reason, "es").opening()).startsWith("Hola");
    assertThat(catalog.scriptFor(reason, "vi").language()).isEqualTo("en");
    assertThat(catalog.scriptFor(reason, null)).isEqualTo(catalog.scriptFor(reason, "en"));
    assertThat(catalog.minimalVoicemail("es")).contains(PRACTICE.name(), PRACTICE.callbackNumber()).startsWith("Hola");
    assertThat(catalog.emailSubject("es")).isEqualTo("Un mensaje de " + PRACTICE.name());
  }

  @Test
  void keywordAnswersNameThePracticeItsNumberAndHours() {
    assertThat(catalog.replyFor(MessageKind.HELP_REPLY))
        .contains(PRACTICE.name(), PRACTICE.callbackNumber(), "Mon-Fri 08:00-18:00", "STOP");
    assertThat(catalog.replyFor(MessageKind.OPT_OUT_CONFIRMATION)).contains("no more texts", "START");
    assertThat(catalog.replyFor(MessageKind.OPT_IN_CONFIRMATION)).contains("STOP");
  }
}
