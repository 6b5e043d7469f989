package org.callbackladder.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * processes/red-flag-screening.dmn with the words as {@link PatientWords} gives them: every shipped
 * emergency sign in at least two sentences, one as a phone transcription writes it; ordinary
 * scheduling messages stay NONE or at most CLINICAL; no phrase fires inside another word.
 */
class RedFlagScreeningDecisionTest {

  static DmnEngine dmn;
  static DmnDecision screening;

  @BeforeAll
  static void parseTable() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream table = Files.newInputStream(Path.of("processes/red-flag-screening.dmn"))) {
      screening = dmn.parseDecision("RedFlagScreening", table);
    }
  }

  static DmnDecisionRuleResult screen(String text) {
    return dmn.evaluateDecisionTable(screening, Variables.createVariables().putValue("words", PatientWords.normalize(text)))
        .getSingleResult();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
    "My dad has crushing chest pain and is sweating | chest pain or pressure",
    "hi its maria my husband says theres pressure in my chest no wait in his chest call me | chest pain or pressure",
    "She can't breathe properly since this morning | trouble breathing",
    "my son is having trouble breathing and wheezing please call back | trouble breathing",
    "His lips are blue and he looks grey | blue lips or face",
    "baby is turning blue around the mouth | blue lips or face",
    "Mum's face is drooping on one side and her speech is slurred | stroke signs",
    "i think my wife had a stroke she suddenly cant speak properly | stroke signs",
    "My father fainted in the kitchen and hit his head | unresponsive or fainted",
    "grandma collapsed and is unresponsive | unresponsive or fainted",
    "My daughter is having a seizure right now | seizure happening or just happened",
    "he had a seizure this morning for the first time | seizure happening or just happened",
    "caller said he has a seizure right now | seizure happening or just happened",
    "I think I'm having a heart attack | chest pain or pressure",
    "left arm pain and sweating since this morning | chest pain or pressure",
    "sudden numbness on one side of my body | stroke signs",
    "worst headache of my life came on suddenly | stroke signs",
    "I fell and hit my head and now I'm confused | head injury or a fall",
    "my mom fell and cant get up please call | head injury or a fall",
    "I'm pregnant and bleeding, what do I do | pregnancy bleeding or reduced movement",
    "34 weeks and the baby stopped moving since yesterday | pregnancy bleeding or reduced movement",
    "The cut on my hand won't stop bleeding | severe bleeding",
    "im coughing up blood since last night | severe bleeding",
    "My throat is swelling after the new antibiotic | severe allergic reaction",
    "bee sting my tongue is swelling and i used my epipen | severe allergic reaction",
    "I think my son took too many pills | overdose or poisoning",
    "toddler swallowed bleach from under the sink | overdose or poisoning",
    "I don't want to live anymore, I keep thinking about suicide | suicidal thoughts or self harm",
    "i have been cutting myself again and want to die | suicidal thoughts or self harm",
    "Our baby won't feed and is very sleepy | very sleepy or not feeding baby",
    "newborn has a fever and wont wake to feed | very sleepy or not feeding baby",
  })
  void everyEmergencySignIsCaught(String message, String rule) {
    DmnDecisionRuleResult result = screen(message);
    assertThat((String) result.getEntry("screening")).as(message).isEqualTo("EMERGENCY");
    assertThat((String) result.getEntry("matchedRule")).as(message).isEqualTo(rule);
    assertThat((String) result.getEntry("clinicianNote")).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "I have had a fever for three days, should I come in?",
    "the rash on my arm is spreading is this normal",
    "My incision looks red and swollen",
    "I get dizzy when I stand up since the new tablets",
    "what should i do about the side effects of my medication",
    "My back pain is getting worse",
    "I need a refill of my seizure medication and an appointment",
    "my son has a seizure disorder and needs his refill",
    "is it ok to take ibuprofen with my blood pressure meds",
  })
  void symptomAndMedicineQuestionsGoToAClinician(String message) {
    assertThat((String) screen(message).getEntry("screening")).as(message).isEqualTo("CLINICAL");
  }

  /** Ordinary messages of a practice: none of them may reach EMERGENCY, and these stay NONE. */
  static final List<String> ORDINARY = List.of(
      "I would like to book a check-up next week",
      "Can I move my Thursday appointment to Friday?",
      "What is the address of the pain management clinic?",
      "I need to see Dr. Payne about my annual physical",
      "Please call me about a blood pressure check",
      "When is the allergy shot schedule for next month?",
      "Is our Chesterfield office open on Saturday?",
      "I am calling to confirm my appointment tomorrow at 3",
      "New patient, I just moved to the area",
      "Can you send the forms to my email",
      "I need a referral letter for the cardiology office",
      "my insurance changed can you update it",
      "please cancel my appointment on monday",
      "Could someone call me back about a telehealth link",
      "the portal will not let me log in",
      "I need a copy of my vaccination record for school",
      "Do you do sports physicals for kids",
      "What time do you open on weekdays",
      "I want to schedule my sons well child visit",
      "my prescription is ready at the pharmacy can you confirm",
      "calling back about the message you left yesterday",
      "I need to reschedule because of work",
      "Can I get an earlier slot, any morning is fine",
      "This is the office of Dr. Stroker returning your call",
      "please update my phone number",
      "I'd like to bring my mother as a new patient",
      "Is there parking at the Main Street office?",
      "Can I pay my bill over the phone",
      "I am due for my annual mammogram referral",
      "our family wants flu shots this season",
      "Please fax my records to the chiropractor",
      "The referring office sent the records yesterday",
      "I need a work note for last week's visit",
      "Can you tell me which lab to use for bloodwork",
      "Do you accept Medicare for new patients",
      "I would like a video visit instead of coming in",
      "Can Dr. Seizmore see me next week",
      "I need the chest x-ray appointment moved",
      "Please send me the breathing test instructions for my spirometry appointment",
      "My daughter needs her camp physical form signed",
      "Is the fitting for my hearing aids at the Chesterfield office",
      "hi this is pat calling about the appointment request thanks bye");

  @Test
  void ordinarySchedulingMessagesAreNeverEmergencies() {
    assertThat(ORDINARY).hasSizeGreaterThanOrEqualTo(40);
    for (String message : ORDINARY) {
      assertThat((String) screen(message).getEntry("screening")).as(message).isNotEqualTo("EMERGENCY");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "What is the address of the pain management clinic?",
    "I need to see Dr. Payne about my annual physical",
    "Please call me about a blood pressure check",
    "When is the allergy shot schedule for next month?",
    "Is our Chesterfield office open on Saturday?",
    "This is the office of Dr. Stroker returning your call",
    "Can Dr. Seizmore see me next week",
    "Is the fitting for my hearing aids at the Chesterfield office",
  })
  void namesAndPlacesAreNotSymptoms(String message) {
    assertThat((String) screen(message).getEntry("screening")).as(message).isEqualTo("NONE");
  }

  /** Every phrase of the table has a space before and after it, so it matches whole words only. */
  @Test
  void noPhraseCanMatchInsideAnotherWord() throws Exception {
    String table = Files.readString(Path.of("processes/red-flag-screening.dmn"));
    Matcher phrase = Pattern.compile("contains\\(\\?, &quot;(.*?)&quot;\\)").matcher(table);
    int phrases = 0;
    while (phrase.find()) {
      phrases++;
      assertThat(phrase.group(1)).as("phrase").startsWith(" ").endsWith(" ").doesNotContain("  ");
      assertThat(phrase.group(1).strip()).as("normalized already").isEqualTo(PatientWords.normalize(phrase.group(1)).strip());
    }
    assertThat(phrases).isGreaterThan(100);
  }

  @Test
  void theShippedTableHasTheOutputsTheApplicationReadsAndAnEditThatLosesOneIsRefused() throws Exception {
    String shipped = Files.readString(Path.of("processes/red-flag-screening.dmn"));
    String edited = shipped.replace("name=\"clinicianNote\"", "name=\"note\"");

    ScreeningTable.check(Dmn.readModelFromStream(new ByteArrayInputStream(shipped.getBytes(StandardCharsets.UTF_8))));
    assertThatThrownBy(() -> ScreeningTable.check(
        Dmn.readModelFromStream(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lacks the outputs [clinicianNote]");
  }

  @Test
  void wordsAreNormalizedForWholeWordMatching() {
    assertThat(PatientWords.normalize("She CAN'T breathe!!  Call 911")).isEqualTo(" she cant breathe call 911 ");
    assertThat(PatientWords.normalize("chest-pain, since 2am")).isEqualTo(" chest pain since 2am ");
    assertThat(PatientWords.normalize(null)).isEqualTo(" ");
  }
}
