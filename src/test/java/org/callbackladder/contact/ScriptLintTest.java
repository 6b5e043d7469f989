package org.callbackladder.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The script lint, run by the build over the practice's own scripts (processes/scripts) and over a
 * folder of scripts with one of each mistake, which it must all find.
 */
class ScriptLintTest {

  static final Map<String, String> PRACTICE = Map.of(
      "practiceName", "Riverside Family Practice", "callbackNumber", "(555) 010-0142", "officeHours", "Mon-Fri 08:00-18:00");
  static final List<String> PRESSURE =
      ScriptCatalog.pressurePhrases(new FileSystemResource("processes/scripts/pressure-phrases.txt"));

  @Test
  void thePracticesScriptsPassInEveryLanguage() throws Exception {
    Resource[] files = new PathMatchingResourcePatternResolver().getResources("file:processes/scripts/call-scripts*.yaml");
    assertThat(files).extracting(Resource::getFilename).contains("call-scripts.yaml", "call-scripts.es.yaml");
    for (Resource file : files) {
      assertThat(ScriptLint.check(file.getFilename(), ScriptFile.read(file), PRESSURE, PRACTICE)).as(file.getFilename()).isEmpty();
    }
  }

  @Test
  void scriptsWithMistakesFailWithEachMistakeNamed() {
    Resource bad = new FileSystemResource("src/test/resources/scripts-with-mistakes/call-scripts.yaml");

    List<String> findings = ScriptLint.check("bad.yaml", ScriptFile.read(bad), PRESSURE, PRACTICE);

    assertThat(findings).containsExactlyInAnyOrder(
        "bad.yaml: shared.minimalVoicemail uses {{patientName}}: a message left for the patient may use only"
            + " callbackNumber, officeHours, practiceName, purpose",
        "bad.yaml: shared.emailSubject uses {{diagnosis}}: a message left for the patient may use only"
            + " callbackNumber, officeHours, practiceName, purpose",
        "bad.yaml: shared.optInConfirmation has no opt-out wording: every text says how to stop (\"Reply STOP ...\")",
        "bad.yaml: reason GENERAL has no purpose",
        "bad.yaml: NEW_PATIENT_APPOINTMENT.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: APPOINTMENT_REQUEST.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: APPOINTMENT_CHANGE.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: REFERRAL_QUESTION.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: TELEHEALTH_SUPPORT.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: PRESCRIPTION_SCHEDULING.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: POST_DISCHARGE_FOLLOW_UP.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: INSURANCE_QUESTION.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: FORMS_AND_INTAKE.followUpText says \"last chance\": persistence without pressure",
        "bad.yaml: NEW_PATIENT_APPOINTMENT.finalMessage takes 3 SMS segments (370 characters, GSM-7: 153 a segment); at most 2",
        "bad.yaml: APPOINTMENT_REQUEST.finalMessage takes 3 SMS segments (370 characters, GSM-7: 153 a segment); at most 2",
        "bad.yaml: APPOINTMENT_CHANGE.finalMessage takes 3 SMS segments (362 characters, GSM-7: 153 a segment); at most 2",
        "bad.yaml: REFERRAL_QUESTION.finalMessage takes 3 SMS segments (359 characters, GSM-7: 153 a segment); at most 2",
        "bad.yaml: TELEHEALTH_SUPPORT.finalMessage takes 3 SMS segments (362 characters, GSM-7: 153 a segment); at most 2",
        "bad.yaml: PRESCRIPTION_SCHEDULING.finalMessage takes 3 SMS segments (369 characters, GSM-7: 153 a segment); at most 2",
        "bad.yaml: POST_DISCHARGE_FOLLOW_UP.finalMessage takes 3 SMS segments (366 characters, GSM-7: 153 a segment); at most 2",
        "bad.yaml: INSURANCE_QUESTION.finalMessage takes 3 SMS segments (359 characters, GSM-7: 153 a segment); at most 2",
        "bad.yaml: FORMS_AND_INTAKE.finalMessage takes 3 SMS segments (360 characters, GSM-7: 153 a segment); at most 2");
  }

  @Test
  void theApplicationDoesNotStartWithScriptsThatFail() {
    assertThatThrownBy(() -> new ScriptCatalog(
        ScriptCatalogTest.settings("file:src/test/resources/scripts-with-mistakes/call-scripts*.yaml"), ScriptCatalogTest.PRACTICE))
        .hasMessageContaining("reason GENERAL has no purpose")
        .hasMessageContaining("says \"last chance\"");
  }

  @ParameterizedTest(name = "{0} characters of \"{1}\": {2} segments")
  @CsvSource(delimiter = '|', textBlock = """
      160 | a | 1
      161 | a | 2
      306 | a | 2
      307 | a | 3
      153 | é | 1
      70  | á | 1
      71  | á | 2
      134 | á | 2
      135 | á | 3
      80  | € | 1
      81  | € | 2
      """)
  void smsSegmentsCountLikeTheCarriers(int length, String character, int segments) {
    assertThat(SmsSegments.count(character.repeat(length))).isEqualTo(segments);
  }
}
