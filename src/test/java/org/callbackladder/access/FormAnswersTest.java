package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.callbackladder.CallbackProcess;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/** A start or a completion may carry only what its form asks: the lists in code and the forms of every process agree. */
class FormAnswersTest {

  @Test
  void eachTaskMayCarryExactlyTheFieldsItsFormAsks() throws IOException {
    Map<String, Set<String>> asked = new TreeMap<>();
    try (var models = Files.newDirectoryStream(Path.of("processes"), "*.bpmn")) {
      for (Path model : models) {
        BpmnModelInstance process = Bpmn.readModelFromStream(Files.newInputStream(model));
        for (UserTask task : process.getModelElementsByType(UserTask.class)) {
          assertThat(asked.put(task.getId(), fieldsOf(task.getCamundaFormRef()))).as("task ids are unique: " + task.getId())
              .isNull();
        }
      }
    }

    assertThat(asked).isEqualTo(new TreeMap<>(CallbackProcess.FORM_ANSWERS));
  }

  /** What people write in their own words never reaches Camunda's history. */
  @Test
  void everyWrittenAnswerIsKeptOutOfHistory() throws IOException {
    List<String> masked = new ArrayList<>();
    try (var yaml = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
      Map<String, Object> config = new Yaml().load(yaml);
      @SuppressWarnings("unchecked")
      Map<String, Object> privacy = (Map<String, Object>) ((Map<String, Object>) config.get("callback")).get("privacy");
      for (Object name : (List<?>) privacy.get("patient-data-variables")) {
        masked.add(name.toString());
      }
    }

    assertThat(masked).containsAll(CallbackProcess.WRITTEN_ANSWERS);
    assertThat(CallbackProcess.FORM_ANSWERS.values().stream().flatMap(Set::stream)).containsAll(CallbackProcess.WRITTEN_ANSWERS);
  }

  private static Set<String> fieldsOf(String formId) throws IOException {
    Set<String> fields = new TreeSet<>();
    Resource form = new PathMatchingResourcePatternResolver().getResource("classpath:forms/" + formId + ".form");
    for (JsonNode field : new ObjectMapper().readTree(form.getInputStream()).get("components")) {
      if (field.hasNonNull("key") && !field.path("disabled").asBoolean() && !field.path("readonly").asBoolean()) {
        fields.add(field.get("key").asText());
      }
    }
    return fields;
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

  /** The call form offers exactly the queues configuration routes to (callback.routing.route-to). */
  @Test
  void theCallFormRoutesToTheConfiguredQueues() throws IOException {
    Map<String, Object> routeTo;
    try (var yaml = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
      Map<String, Object> config = new Yaml().load(yaml);
      @SuppressWarnings("unchecked")
      Map<String, Object> routing = (Map<String, Object>) ((Map<String, Object>) config.get("callback")).get("routing");
      @SuppressWarnings("unchecked")
      Map<String, Object> targets = (Map<String, Object>) routing.get("route-to");
      routeTo = targets;
    }
    Map<String, String> offered = new java.util.LinkedHashMap<>();
    Resource form = new PathMatchingResourcePatternResolver().getResource("classpath:forms/call-attempt.form");
    for (JsonNode field : new ObjectMapper().readTree(form.getInputStream()).get("components")) {
      if ("routedTo".equals(field.path("key").asText())) {
        field.get("values").forEach(value -> offered.put(value.get("value").asText(), value.get("label").asText()));
      }
    }

    assertThat(offered).containsExactlyInAnyOrderEntriesOf(
        routeTo.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())));
  }
}
