package org.callbackladder.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.callbackladder.LadderDeployment;
import org.callbackladder.support.CallbackLadderTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every model in processes/ and every form in forms/ deploys, together, in one deployment, under
 * classpath-relative names (processes/patient-callback.bpmn). LadderDeploymentTest shows the names
 * are the same when the files come from a jar.
 */
@CallbackLadderTest
class DeploymentTest {

  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyModelAndFormIsInOneDeploymentUnderItsRelativeName() throws IOException {
    Set<String> expected =
        Stream.concat(files("processes", ".bpmn", ".dmn"), files("forms", ".form")).collect(Collectors.toSet());
    assertThat(expected).contains("processes/patient-callback.bpmn", "processes/callback-routing.dmn",
        "forms/call-attempt.form", "forms/new-callback.form");

    List<Deployment> deployments = repository.createDeploymentQuery().deploymentName(LadderDeployment.NAME).list();
    assertThat(deployments).hasSize(1);
    Set<String> deployed = Set.copyOf(repository.getDeploymentResourceNames(deployments.get(0).getId()));

    assertThat(deployed).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theLadderTheTableAndTheFormsComeFromTheSameDeployment() throws IOException {
    ProcessDefinition ladder =
        repository.createProcessDefinitionQuery().processDefinitionKey("PatientCallback").latestVersion().singleResult();
    String deploymentId = ladder.getDeploymentId();

    assertThat(ladder.getHistoryTimeToLive()).isPositive();
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("CallbackRouting")
        .deploymentId(deploymentId).count()).isEqualTo(1);
    // Camunda 7.24 has no query API for form definitions; the engine's table tells
    List<String> formIds = new java.util.ArrayList<>();
    for (String form : files("forms", ".form").toList()) {
      formIds.add(new ObjectMapper().readTree(Path.of(form).toFile()).get("id").asText());
    }
    assertThat(formIds).contains("call-attempt", "new-callback", "late-callback", "calling-window");
    assertThat(jdbc.queryForList("select KEY_ from ACT_RE_CAMFORMDEF where DEPLOYMENT_ID_ = ?", String.class, deploymentId))
        .containsExactlyInAnyOrderElementsOf(formIds);
  }

  private static Stream<String> files(String folder, String... suffixes) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths
          .map(path -> folder + "/" + path.getFileName())
          .filter(name -> Stream.of(suffixes).anyMatch(name::endsWith))
          .toList()
          .stream();
    }
  }
}
