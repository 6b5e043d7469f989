package org.callbackladder.review;

import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callbackladder.web.Csv;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports}: the figures of a period ({@code summary}), two periods side by side
 * ({@code compare}), and every open request ({@code unresolved}), as JSON or, with
 * {@code Accept: text/csv} or {@code .csv}, as CSV. For practice managers and administrators
 * (SecurityConfiguration); every read is audited.
 */
@Tag(name = "Reports", description = "Figures, reviews and open requests for practice managers")
@RestController
@RequestMapping("/api/reports")
public class ReportController {

  private final Reports reports;
  private final ObjectMapper json;

  public ReportController(Reports reports, ObjectMapper json) {
    this.reports = reports;
    this.json = json;
  }

  /** JSON, or rows of group, figure and value (one line per figure) as CSV for a spreadsheet. */
  @GetMapping({"/summary", "/summary.csv"})
  public ResponseEntity<?> summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy, HttpServletRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    ReportPeriod period = ReportPeriod.parse("from", from, "to", to, problems);
    GroupBy by = GroupBy.parse(groupBy, problems);
    refuse(problems);
    Summary summary = reports.summary(period, by);
    if (!wantsCsv(request)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary);
    }
    List<String> lines = new ArrayList<>();
    flatten(summary.overall(), lines);
    summary.groups().forEach(group -> flatten(group, lines));
    summary.daily().forEach(day -> day.byChannel().forEach((channel, count) ->
        lines.add("all,daily." + day.date() + "." + Csv.field(channel) + "," + count)));
    return Csv.download("summary-" + summary.from() + "-" + summary.to() + ".csv", "group,figure,value", lines);
  }

  /** JSON, or each main figure before and after with its change as CSV. */
  @GetMapping({"/compare", "/compare.csv"})
  public ResponseEntity<?> compare(@RequestParam(required = false) String beforeFrom,
      @RequestParam(required = false) String beforeTo, @RequestParam(required = false) String afterFrom,
      @RequestParam(required = false) String afterTo, @RequestParam(required = false) String groupBy,
      HttpServletRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    ReportPeriod before = ReportPeriod.parse("beforeFrom", beforeFrom, "beforeTo", beforeTo, problems);
    ReportPeriod after = ReportPeriod.parse("afterFrom", afterFrom, "afterTo", afterTo, problems);
    GroupBy by = GroupBy.parse(groupBy, problems);
    refuse(problems);
    Reports.Comparison comparison = reports.compare(before, after, by);
    if (!wantsCsv(request)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(comparison);
    }
    return Csv.download("comparison.csv", "figure,before,after,change", comparison.changes().stream()
        .map(change -> String.join(",", Csv.field(change.figure()), text(change.before()), text(change.after()),
            text(change.change())))
        .toList());
  }

  /** JSON, or one CSV line per open request. */
  @GetMapping({"/unresolved", "/unresolved.csv"})
  public ResponseEntity<?> unresolved(HttpServletRequest request) {
    Reports.Unresolved open = reports.unresolved();
    if (!wantsCsv(request)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(open);
    }
    return Csv.download("unresolved.csv",
        "id,received_at,age_hours,channel,reason,queue,clinically_flagged,attempts,next_step,next_step_at",
        open.requests().stream().map(each -> String.join(",", each.id().toString(), each.receivedAt().toString(),
            String.valueOf(each.ageHours()), each.channel(), each.reason(), Csv.field(each.queue()),
            String.valueOf(each.clinicallyFlagged()), String.valueOf(each.attempts()), Csv.field(each.nextStep()),
            each.nextStepAt() == null ? "" : each.nextStepAt().toString())).toList());
  }

  /** A {@code .csv} address, or an Accept header asking for CSV. */
  private static boolean wantsCsv(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getRequestURI().endsWith(".csv") || accept != null && accept.contains("text/csv");
  }

  private static void refuse(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** Every number of one group's figures as a line "group,figure.path,value". */
  private void flatten(Summary.Figures figures, List<String> lines) {
    walk(Csv.field(figures.group()), "", json.valueToTree(figures), lines);
  }

  private static void walk(String group, String path, JsonNode node, List<String> lines) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!(path.isEmpty() && field.getKey().equals("group"))) {
          walk(group, path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), lines);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode slice : node) {
        walk(group, path + "." + slice.path("name").asText(), slice, lines);
      }
    } else if (!path.endsWith(".name")) {
      lines.add(group + "," + Csv.field(path) + "," + (node.isNull() ? "" : node.asText()));
    }
  }

  private static String text(Number value) {
    return value == null ? "" : value.toString();
  }
}
