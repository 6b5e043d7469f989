package org.callbackladder.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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

  /** The shared templates answering keywords, by the kind of message they make. */
  private static final Map<MessageKind, String> REPLIES = Map.of(
      MessageKind.OPT_OUT_CONFIRMATION, "optOutConfirmation",
      MessageKind.OPT_IN_CONFIRMATION, "optInConfirmation",
      MessageKind.HELP_REPLY, "help");

  private static final List<String> PARTS =
      List.of("opening", "voicemail", "followUpText", "finalMessage", "closing");

  private final Map<Reason, CallScript> scripts = new EnumMap<>(Reason.class);
  private final Map<MessageKind, String> replies = new EnumMap<>(MessageKind.class);
  private final String minimalVoicemail;

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
    Map<String, String> practiceContext = Map.of(
        "practiceName", practice.name(), "callbackNumber", practice.callbackNumber(), "officeHours", officeHours(practice));
    minimalVoicemail = mustache.compile(file.shared().get("minimalVoicemail")).execute(practiceContext).trim();
    for (Map.Entry<MessageKind, String> reply : REPLIES.entrySet()) {
      replies.put(reply.getKey(), mustache.compile(file.shared().get(reply.getValue())).execute(practiceContext).trim());
    }
  }

  /** The voicemail that says no more than who called and the number to call back. */
  public String minimalVoicemail() {
    return minimalVoicemail;
  }

  /** The answer to a keyword text (STOP, START, HELP). */
  public String replyFor(MessageKind kind) {
    return replies.get(kind);
  }

  /** "Mon-Fri 08:00-18:00", or each day's hours where days differ. */
  static String officeHours(PracticeProperties practice) {
    List<String> days = new ArrayList<>();
    DayOfWeek first = null;
    DayOfWeek last = null;
    String hours = null;
    for (DayOfWeek day : DayOfWeek.values()) {
      String today = practice.hoursOn(day).stream().map(Object::toString).collect(Collectors.joining(", "));
      if (today.equals(hours) && !today.isEmpty()) {
        last = day;
        continue;
      }
      if (hours != null && !hours.isEmpty()) {
        days.add(span(first, last) + " " + hours);
      }
      first = day;
      last = day;
      hours = today;
    }
    if (hours != null && !hours.isEmpty()) {
      days.add(span(first, last) + " " + hours);
    }
    return String.join("; ", days);
  }

  private static String span(DayOfWeek first, DayOfWeek last) {
    String from = first.getDisplayName(TextStyle.SHORT, Locale.US);
    return first == last ? from : from + "-" + last.getDisplayName(TextStyle.SHORT, Locale.US);
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
          || !file.shared().keySet().containsAll(REPLIES.values())
          || file.shared().get("minimalVoicemail") == null
          || file.defaults() == null
          || file.reasons() == null) {
        throw new IllegalStateException(
            "Call scripts " + contact.scripts() + " need shared (redFlag, emergency, minimalVoicemail, " + String.join(", ", REPLIES.values())
                + "), defaults and reasons");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read call scripts " + contact.scripts(), e);
    }
  }

  private record ScriptFile(
      Map<String, String> shared, Map<String, String> defaults, Map<Reason, Map<String, String>> reasons) {}
}
