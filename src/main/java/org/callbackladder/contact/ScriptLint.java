package org.callbackladder.contact;

import com.samskivert.mustache.Mustache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callbackladder.request.Reason;

/**
 * Checks the practice's scripts before a patient hears or reads them. A voicemail, text or email may
 * use only the minimum-necessary placeholders (practice name, callback number, general purpose,
 * office hours); every text carries opt-out wording (STOP) and fits in two SMS segments once
 * rendered; every reason has every part in every language; no wording pressures the patient (the
 * phrases in {@code processes/scripts/pressure-phrases.txt}). Run at start-up over the deployed
 * scripts and by the build over {@code processes/scripts}.
 */
final class ScriptLint {

  /** What a message left for the patient may name: nothing about the patient or their health. */
  static final Set<String> MINIMUM_NECESSARY = Set.of("practiceName", "callbackNumber", "purpose", "officeHours");
  static final int MAX_SEGMENTS = 2;

  /** Each reason's parts: read out by the coordinator, or left or sent to the patient. */
  static final List<String> CALL_PARTS = List.of("opening", "closing");
  static final List<String> LEFT_PARTS = List.of("voicemail", "followUpText", "finalMessage", "followUpEmail", "finalEmail");
  static final List<String> REASON_PARTS = concat(CALL_PARTS, LEFT_PARTS);
  /** The shared lines every language has, and which of them leave as messages. */
  static final List<String> SHARED_SAID = List.of("redFlag", "emergency");
  static final List<String> SHARED_LEFT = List.of("minimalVoicemail", "optOutConfirmation", "optInConfirmation", "help",
      "emailSubject");
  /** The texts among them: at most two segments, and each says how to stop texts but the opt-out confirmation. */
  static final Set<String> SMS = Set.of("followUpText", "finalMessage", "optInConfirmation", "help", "optOutConfirmation");
  private static final String OPT_OUT_CONFIRMATION = "optOutConfirmation";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[#^/&]?\\s*([^}\\s]+)\\s*}}");
  private static final Pattern OPT_OUT = Pattern.compile("\\bSTOP\\b");

  private ScriptLint() {}

  /** Every finding in one language's scripts, rendered with the practice's own values; empty when fine. */
  static List<String> check(String fileName, ScriptFile file, List<String> pressurePhrases, Map<String, String> practice) {
    List<String> findings = new ArrayList<>();
    Mustache.Compiler mustache = Mustache.compiler().escapeHTML(false).defaultValue("");
    for (String part : concat(SHARED_SAID, SHARED_LEFT)) {
      String template = file.shared().get(part);
      if (blank(template)) {
        findings.add(fileName + ": shared." + part + " is missing");
      } else {
        lint(fileName + ": shared." + part, part, template, practice, pressurePhrases, mustache, findings);
      }
    }
    for (Reason reason : Reason.values()) {
      Map<String, String> own = file.reasons().get(reason);
      if (own == null || blank(own.get("purpose"))) {
        findings.add(fileName + ": reason " + reason + " has no purpose");
        continue;
      }
      Map<String, String> context = new HashMap<>(practice);
      context.put("purpose", own.get("purpose"));
      lint(fileName + ": " + reason + ".purpose", "purpose", own.get("purpose"), practice, pressurePhrases, mustache, findings);
      for (String part : REASON_PARTS) {
        String template = file.template(reason, part);
        if (blank(template)) {
          findings.add(fileName + ": reason " + reason + " has no " + part);
        } else {
          lint(fileName + ": " + reason + "." + part, part, template, context, pressurePhrases, mustache, findings);
        }
      }
    }
    return findings;
  }

  private static void lint(String where, String part, String template, Map<String, String> context, List<String> pressure,
      Mustache.Compiler mustache, List<String> findings) {
    boolean leftForThePatient = LEFT_PARTS.contains(part) || SHARED_LEFT.contains(part) || "purpose".equals(part);
    if (leftForThePatient) {
      Matcher placeholder = PLACEHOLDER.matcher(template);
      while (placeholder.find()) {
        if (!MINIMUM_NECESSARY.contains(placeholder.group(1))) {
          findings.add(where + " uses {{" + placeholder.group(1) + "}}: a message left for the patient may use only "
              + String.join(", ", MINIMUM_NECESSARY.stream().sorted().toList()));
        }
      }
    }
    String rendered = mustache.compile(template).execute(context).trim();
    String lower = rendered.toLowerCase(Locale.ROOT);
    for (String phrase : pressure) {
      if (lower.contains(phrase)) {
        findings.add(where + " says \"" + phrase + "\": persistence without pressure");
      }
    }
    if (!SMS.contains(part)) {
      return;
    }
    if (!part.equals(OPT_OUT_CONFIRMATION) && !OPT_OUT.matcher(rendered).find()) {
      findings.add(where + " has no opt-out wording: every text says how to stop (\"Reply STOP ...\")");
    }
    int segments = SmsSegments.count(rendered);
    if (segments > MAX_SEGMENTS) {
      findings.add(where + " takes " + segments + " SMS segments (" + rendered.length() + " characters"
          + (SmsSegments.needsUnicode(rendered) ? ", UCS-2: 67 a segment" : ", GSM-7: 153 a segment") + "); at most "
          + MAX_SEGMENTS);
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
