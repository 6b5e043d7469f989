package org.callbackladder.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.request.Reason;
import org.springframework.stereotype.Component;

/**
 * The practice's call scripts ({@code processes/scripts/call-scripts.yaml}), rendered with the
 * practice's name and number. Loaded and checked once at start-up: a missing reason, part or
 * placeholder stops the application instead of surfacing in front of a patient.
 */
@Component
public class ScriptCatalog {

  private static final List<String> PARTS =
      List.of("opening", "voicemail", "followUpText", "finalMessage", "closing");

  private final Map<Reason, CallScript> scripts = new EnumMap<>(Reason.class);

  public ScriptCatalog(ContactProperties contact, PracticeProperties practice) {
    ScriptFile file = read(contact);
    Mustache.Compiler mustache = Mustache.compiler().escapeHTML(false).strictSections(true);
    for (Reason reason : Reason.values()) {
      Map<String, String> lines = new HashMap<>(file.defaults());
      Map<String, String> own = file.reasons().get(reason);
      if (own == null || !own.containsKey("purpose") || !own.containsKey("opening")) {
        throw new IllegalStateException(
            "Call scripts: reason " + reason + " needs a purpose and an opening");
      }
      lines.putAll(own);
      Map<String, String> context =
          Map.of(
              "practiceName", practice.name(),
              "callbackNumber", practice.callbackNumber(),
              "purpose", own.get("purpose"));
      Map<String, String> rendered = new HashMap<>();
      for (String part : PARTS) {
        String template = lines.get(part);
        if (template == null || template.isBlank()) {
          throw new IllegalStateException("Call scripts: reason " + reason + " has no " + part);
        }
        rendered.put(part, mustache.compile(template).execute(context).trim());
      }
      scripts.put(
          reason,
          new CallScript(
              rendered.get("opening"),
              rendered.get("voicemail"),
              rendered.get("followUpText"),
              rendered.get("finalMessage"),
              rendered.get("closing"),
              mustache.compile(file.shared().get("redFlag")).execute(context),
              mustache.compile(file.shared().get("emergency")).execute(context)));
    }
  }

  public CallScript scriptFor(Reason reason) {
    return scripts.get(reason);
  }

  private static ScriptFile read(ContactProperties contact) {
    try (InputStream in = contact.scripts().getInputStream()) {
      ScriptFile file = new ObjectMapper(new YAMLFactory()).readValue(in, ScriptFile.class);
      if (file.shared() == null
          || file.shared().get("redFlag") == null
          || file.shared().get("emergency") == null
          || file.defaults() == null
          || file.reasons() == null) {
        throw new IllegalStateException(
            "Call scripts " + contact.scripts() + " need shared (redFlag, emergency), defaults and reasons");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read call scripts " + contact.scripts(), e);
    }
  }

  private record ScriptFile(
      Map<String, String> shared, Map<String, String> defaults, Map<Reason, Map<String, String>> reasons) {}
}
