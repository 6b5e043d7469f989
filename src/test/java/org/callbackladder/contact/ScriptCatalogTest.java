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

/** processes/scripts/call-scripts.yaml: complete for every reason, and privacy-minimal. */
class ScriptCatalogTest {

  static final PracticeProperties PRACTICE = TestPractice.weekdaysEightToSix();
  /** Words that would tell a listener more than the general purpose of the call. */
  static final Pattern CLINICAL_WORDS =
      Pattern.compile(
          "\\b(diagnos\\w*|results?|medications?|medicines?|symptoms?|tests?|labs?|prescriptions?|hospital\\w*|discharged?)\\b",
          Pattern.CASE_INSENSITIVE);

  static final ContactProperties.TextCaps CAPS = new ContactProperties.TextCaps(1, 3);

  final ScriptCatalog catalog =
      new ScriptCatalog(new ContactProperties(new FileSystemResource("processes/scripts/call-scripts.yaml"), CAPS, null, null), PRACTICE);

  @ParameterizedTest
  @EnumSource(Reason.class)
  void everyReasonHasACompleteRenderedScript(Reason reason) {
    CallScript script = catalog.scriptFor(reason);

    for (String line : List.of(script.opening(), script.voicemail(), script.followUpText(),
        script.finalMessage(), script.closing(), script.redFlag(), script.emergency())) {
      assertThat(line).isNotBlank().doesNotContain("{{", "}}");
    }
    assertThat(script.opening()).contains("Test Practice");
    assertThat(script.emergency()).contains("911");
  }

  /** Voicemails and texts name the practice and number, say no more than the purpose, and texts can be stopped. */
  @ParameterizedTest
  @EnumSource(Reason.class)
  void messagesLeftForThePatientAreMinimal(Reason reason) {
    CallScript script = catalog.scriptFor(reason);

    for (String message : List.of(script.voicemail(), script.followUpText(), script.finalMessage())) {
      assertThat(message).contains("Test Practice", "(555) 010-0100");
      assertThat(message.replace(PRACTICE.name(), "")).as(reason.name()).doesNotContainPattern(CLINICAL_WORDS);
    }
    for (String text : List.of(script.followUpText(), script.finalMessage())) {
      assertThat(text).contains("Reply STOP to opt out").hasSizeLessThanOrEqualTo(320);
    }
  }

  @Test
  void aReasonWithoutAScriptStopsTheApplication(@TempDir Path dir) throws Exception {
    Path scripts = dir.resolve("scripts.yaml");
    Files.writeString(scripts, """
        shared: { redFlag: "r", emergency: "e", optOutConfirmation: "o", optInConfirmation: "i", help: "h", minimalVoicemail: "m" }
        defaults: { voicemail: "v", followUpText: "f", finalMessage: "m", closing: "c" }
        reasons:
          GENERAL: { purpose: "about your message", opening: "Hello" }
        """);

    assertThatThrownBy(() -> new ScriptCatalog(new ContactProperties(new FileSystemResource(scripts), CAPS, null, null), PRACTICE))
        .hasMessageContaining("reason NEW_PATIENT_APPOINTMENT needs a purpose and an opening");
  }

  @Test
  void keywordAnswersNameThePracticeItsNumberAndHours() {
    assertThat(catalog.replyFor(MessageKind.HELP_REPLY))
        .contains(PRACTICE.name(), PRACTICE.callbackNumber(), "Mon-Fri 08:00-18:00", "STOP");
    assertThat(catalog.replyFor(MessageKind.OPT_OUT_CONFIRMATION)).contains("no more texts", "START");
    assertThat(catalog.replyFor(MessageKind.OPT_IN_CONFIRMATION)).contains("STOP");
  }
}
