package org.callbackladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The ladder's resources get the same names from a classes folder and from a jar. */
class LadderDeploymentTest {

  static final List<String> FILES =
      List.of("processes/ladder.bpmn", "processes/rules/routing.dmn", "forms/call.form", "processes/scripts/lines.yaml");
  static final List<String> DEPLOYED =
      List.of("forms/call.form", "processes/ladder.bpmn", "processes/rules/routing.dmn");

  @Test
  void namesFromAClassesFolder(@TempDir Path classes) throws IOException {
    for (String file : FILES) {
      Files.createDirectories(classes.resolve(file).getParent());
      Files.writeString(classes.resolve(file), file);
    }

    assertThat(namesOn(classes.toUri().toURL())).containsExactlyElementsOf(DEPLOYED);
  }

  @Test
  void namesFromAJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("ladder.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String folder : List.of("processes/", "processes/rules/", "processes/scripts/", "forms/")) {
        out.putNextEntry(new JarEntry(folder));
        out.closeEntry();
      }
      for (String file : FILES) {
        out.putNextEntry(new JarEntry(file));
        OutputStream entry = out;
        entry.write(file.getBytes());
        out.closeEntry();
      }
    }

    assertThat(namesOn(jar.toUri().toURL())).containsExactlyElementsOf(DEPLOYED);
  }

  private static List<String> namesOn(URL classpath) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath}, null)) {
      LadderDeployment deployment = new LadderDeployment(null, new PathMatchingResourcePatternResolver(loader));
      return List.copyOf(deployment.resources().keySet());
    }
  }
}
