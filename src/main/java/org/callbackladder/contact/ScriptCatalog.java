package org.callbackladder.contact;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The practice's call scripts, one file per language ({@code processes/scripts/call-scripts*.yaml}),
 * rendered with the practice's name, number and hours. Loaded and linted once at start-up
 * ({@link ScriptLint}): a missing reason or part, a placeholder beyond the minimum necessary, a text
 * without opt-out wording or longer than two segments, or pressure wording stops the application
 * instead of reaching a patient. A patient's preferred language picks the set; the practice's
 * default language answers for every other.
 */
@Component
public class ScriptCatalog {

  /** The shared templates answering keywords, by the kind of message they make. */
  private static final Map<MessageKind, String> REPLIES = Map.of(
      MessageKind.OPT_OUT_CONFIRMATION, "optOutConfirmation",
      MessageKind.OPT_IN_CONFIRMATION, "optInConfirmation",
      MessageKind.HELP_REPLY, "help");

  /** One language's scripts, rendered. */
  private record Language(
      String tag, Map<Reason, CallScript> scripts, Map<MessageKind, String> replies, String minimalVoicemail,
      String emailSubject) {}

  private final Map<String, Language> languages = new HashMap<>();
  private final Language fallback;

  public ScriptCatalog(ContactProperties contact, PracticeProperties practice) {
    ContactProperties.Scripts settings = contact.scripts();
    Map<String, String> context = Map.of(
        "practiceName", practice.name(), "callbackNumber", practice.callbackNumber(), "officeHours", officeHours(practice));
    List<String> pressure = pressurePhrases(settings.pressurePhrases());
    List<String> findings = new ArrayList<>();
    for (Resource resource : resolve(settings.location())) {
      ScriptFile file = ScriptFile.read(resource);
      List<String> found = ScriptLint.check(resource.getFilename(), file, pressure, context);
      findings.addAll(found);
      String tag = primary(file.language());
      if (found.isEmpty() && languages.putIfAbsent(tag, render(tag, file, context)) != null) {
        findings.add(resource.getFilename() + ": a second script file for language " + tag);
      }
    }
    if (!findings.isEmpty()) {
      throw new IllegalStateException("Call scripts " + settings.location() + ":\n" + String.join("\n", findings));
    }
    fallback = languages.get(primary(settings.defaultLanguage()));
    if (fallback == null) {
      throw new IllegalStateException("Call scripts " + settings.location() + " have no file for the default language "
          + settings.defaultLanguage() + " (callback.contact.scripts.default-language)");
    }
  }

  /** The language the practice speaks by default (its primary subtag, e.g. en). */
  public String defaultLanguage() {
    return fallback.tag();
  }

  /** The script for a reason, in the patient's language when the practice has scripts in it. */
  public CallScript scriptFor(Reason reason, String preferredLanguage) {
    return language(preferredLanguage).scripts().get(reason);
  }

  /** The voicemail that says no more than who called and the number to call back. */
  public String minimalVoicemail(String preferredLanguage) {
    return language(preferredLanguage).minimalVoicemail();
  }

  /** An email's subject line: the practice's name, nothing about the patient. */
  public String emailSubject(String preferredLanguage) {
    return language(preferredLanguage).emailSubject();
  }

  /** The answer to a keyword text (STOP, START, HELP), in the practice's default language: carriers' keywords are English. */
  public String replyFor(MessageKind kind) {
    return fallback.replies().get(kind);
  }

  private Language language(String preferredLanguage) {
    return preferredLanguage == null ? fallback : languages.getOrDefault(primary(preferredLanguage), fallback);
  }

  private static String primary(String tag) {
    return Locale.forLanguageTag(tag.strip()).getLanguage();
  }

  private static Language render(String tag, ScriptFile file, Map<String, String> practice) {
    Mustache.Compiler mustache = Mustache.compiler().escapeHTML(false).strictSections(true);
    Map<Reason, CallScript> scripts = new EnumMap<>(Reason.class);
    for (Reason reason : Reason.values()) {
      Map<String, String> context = new HashMap<>(practice);
      context.put("purpose", file.reasons().get(reason).get("purpose"));
      Map<String, String> lines = new HashMap<>();
      for (String part : ScriptLint.REASON_PARTS) {
        lines.put(part, mustache.compile(file.template(reason, part)).execute(context).trim());
      }
      lines.put("redFlag", mustache.compile(file.shared().get("redFlag")).execute(context).trim());
      lines.put("emergency", mustache.compile(file.shared().get("emergency")).execute(context).trim());
      scripts.put(reason, new CallScript(tag, lines.get("opening"), lines.get("voicemail"), lines.get("followUpText"),
          lines.get("finalMessage"), lines.get("followUpEmail"), lines.get("finalEmail"), lines.get("closing"),
          lines.get("redFlag"), lines.get("emergency")));
    }
    Map<MessageKind, String> replies = new EnumMap<>(MessageKind.class);
    REPLIES.forEach((kind, part) -> replies.put(kind, mustache.compile(file.shared().get(part)).execute(practice).trim()));
    return new Language(tag, scripts, replies,
        mustache.compile(file.shared().get("minimalVoicemail")).execute(practice).trim(),
        mustache.compile(file.shared().get("emailSubject")).execute(practice).trim());
  }

  private static Resource[] resolve(String location) {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver().getResources(location);
      if (found.length == 0) {
        throw new IllegalStateException("No call scripts at " + location + " (callback.contact.scripts.location)");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list call scripts at " + location, e);
    }
  }

  /** The phrases no script may use, one a line, lower case; {@code #} starts a comment. */
  static List<String> pressurePhrases(Resource phrases) {
    try {
      return phrases.getContentAsString(StandardCharsets.UTF_8).lines()
          .map(line -> line.replaceAll("#.*", "").strip().toLowerCase(Locale.ROOT))
          .filter(line -> !line.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the pressure phrases " + phrases, e);
    }
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
}
