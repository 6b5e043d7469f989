package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.callbackladder.CallbackProcess;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** A start or a completion may carry only what its form asks: the lists in code and the forms agree. */
class FormAnswersTest {

  @Test
  void theAnswersACompletionMayCarryAreTheFieldsTheTaskFormsAsk() throws IOException {
    Set<String> asked = new TreeSet<>();
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form")) {
      if ("new-callback.form".equals(form.getFilename())) {
        continue; // the start form of "New callback request", not a task's
      }
      for (JsonNode field : new ObjectMapper().readTree(form.getInputStream()).get("components")) {
        if (field.hasNonNull("key") && !field.path("disabled").asBoolean() && !field.path("readonly").asBoolean()) {
          asked.add(field.get("key").asText());
        }
      }
    }

    assertThat(asked).containsExactlyInAnyOrderElementsOf(CallbackProcess.FORM_ANSWERS);
  }

  @Test
  void theVariablesAStartMayCarryAreTheFieldsTheStartFormAsks() throws IOException {
    Set<String> asked = new TreeSet<>();
    Resource form = new PathMatchingResourcePatternResolver().getResource("classpath:forms/new-callback.form");
    for (JsonNode field : new ObjectMapper().readTree(form.getInputStream()).get("components")) {
      if (field.hasNonNull("key")) {
        asked.add(field.get("key").asText());
      }
    }

    assertThat(asked).containsExactlyInAnyOrderElementsOf(CallbackProcess.StartForm.FIELDS);
  }
}
