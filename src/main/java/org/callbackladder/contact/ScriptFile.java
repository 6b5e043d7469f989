package org.callbackladder.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.callbackladder.request.Reason;
import org.springframework.core.io.Resource;

/**
 * One language's call scripts as the practice wrote them ({@code processes/scripts/call-scripts*.yaml}):
 * the language tag, the shared lines, the defaults every reason may override, and each reason's own.
 */
record ScriptFile(
    String language, Map<String, String> shared, Map<String, String> defaults, Map<Reason, Map<String, String>> reasons) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static ScriptFile read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      ScriptFile file = YAML.readValue(in, ScriptFile.class);
      if (file == null || file.language() == null || file.shared() == null || file.defaults() == null
          || file.reasons() == null) {
        throw new IllegalStateException("Call scripts " + resource.getFilename() + " need language, shared, defaults and reasons");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read call scripts " + resource.getFilename(), e);
    }
  }

  /** A reason's template for a part: its own, else the default; null when neither has it. */
  String template(Reason reason, String part) {
    Map<String, String> own = reasons.get(reason);
    return own != null && own.containsKey(part) ? own.get(part) : defaults.get(part);
  }
}
