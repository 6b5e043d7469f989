package org.callbackladder.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callbackladder.request.Screening;
import org.callbackladder.support.CallbackLadderTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The deployed red-flag table as the application uses it, and what an edit that breaks it does. */
@CallbackLadderTest
class ScreeningTableTest {

  static final String WITHOUT_NOTE = "screening/red-flag-screening-without-note.dmn";

  @Autowired ScreeningTable table;
  @Autowired RepositoryService repository;

  @Test
  void theDeployedTableScreensWordsAsTheyArrive() {
    assertThat(table.screen("My dad has crushing chest pain")).satisfies(result -> {
      assertThat(result.level()).isEqualTo(Screening.Level.EMERGENCY);
      assertThat(result.matchedRule()).isEqualTo("chest pain or pressure");
      assertThat(result.clinicianNote()).isNotBlank();
    });
    assertThat(table.screen("Can I move my appointment to Friday?").level()).isEqualTo(Screening.Level.NONE);
    assertThat(table.screen(null)).isEqualTo(Screening.NONE);
  }

  @Test
  void aTableThatLostAnOutputIsRefusedAndScreeningGoesOnWithTheLastUsableVersion() {
    assertThatThrownBy(() -> ScreeningTable.check(Dmn.readModelFromStream(
            getClass().getClassLoader().getResourceAsStream(WITHOUT_NOTE))))
        .hasMessageContaining("lacks the outputs [clinicianNote]");

    Deployment broken = repository.createDeployment().name("an edit from Modeler that lost an output")
        .addClasspathResource(WITHOUT_NOTE).deploy();
    try {
      assertThat(table.screen("she cant breathe").level()).isEqualTo(Screening.Level.EMERGENCY);
      assertThat(table.screen("she cant breathe").clinicianNote()).as("from the last usable version").isNotBlank();
    } finally {
      repository.deleteDeployment(broken.getId(), true);
    }
  }
}
