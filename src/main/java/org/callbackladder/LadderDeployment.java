package org.callbackladder;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys everything below {@code processes/} and {@code forms/} as one deployment named
 * "callback-ladder", each file under its classpath-relative name (processes/patient-callback.bpmn).
 * The names are the same from target/classes and from the packaged jar, so a restart with
 * unchanged files deploys nothing, however the application is started. One deployment keeps the
 * ladder, its routing table and its forms together for the "deployment" bindings.
 */
@Component
public class LadderDeployment {

  public static final String NAME = "callback-ladder";

  private static final Logger log = LoggerFactory.getLogger(LadderDeployment.class);
  private static final List<String> PATTERNS =
      List.of("processes/**/*.bpmn", "processes/**/*.dmn", "forms/**/*.form");

  private final RepositoryService repository;
  private final ResourcePatternResolver resolver;

  @Autowired
  public LadderDeployment(RepositoryService repository) {
    this(repository, new PathMatchingResourcePatternResolver());
  }

  LadderDeployment(RepositoryService repository, ResourcePatternResolver resolver) {
    this.repository = repository;
    this.resolver = resolver;
  }

  /** Runs while the context starts: before the web server takes requests and the job executor runs. */
  @PostConstruct
  public void deploy() {
    DeploymentBuilder deployment =
        repository.createDeployment().name(NAME).source(NAME).enableDuplicateFiltering(false);
    Map<String, Resource> resources = resources();
    resources.forEach((name, resource) -> deployment.addInputStream(name, open(resource)));
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    log.info("Ladder deployment {} holds {}", deployed.getId(), resources.keySet());
  }

  /** Every model and form by its classpath-relative name. */
  Map<String, Resource> resources() {
    Map<String, Resource> byName = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        String folder = pattern.substring(0, pattern.indexOf('/') + 1);
        for (Resource root : resolver.getResources("classpath*:" + folder)) {
          String rootUrl = root.getURL().toString();
          for (Resource resource : resolver.getResources(rootUrl + pattern.substring(folder.length()))) {
            byName.put(folder + resource.getURL().toString().substring(rootUrl.length()), resource);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the ladder's models and forms", e);
    }
    return byName;
  }

  private static InputStream open(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
