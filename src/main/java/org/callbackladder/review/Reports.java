package org.callbackladder.review;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.callbackladder.CallbackProcess;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.practice.PracticeProperties;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ladder's figures for practice managers: a period, two periods side by side, what is still open.
 * Every read is audited, so its transaction is not read-only (PostgreSQL refuses the audit row in one).
 */
@Service
public class Reports {

  private final ReportQueries queries;
  private final JdbcTemplate jdbc;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final AuditLog audit;
  private final ZoneId zone;
  private final Clock clock;

  public Reports(ReportQueries queries, JdbcTemplate jdbc, RepositoryService repository, TaskService tasks, AuditLog audit,
      PracticeProperties practice, Clock clock) {
    this.queries = queries;
    this.jdbc = jdbc;
    this.repository = repository;
    this.tasks = tasks;
    this.audit = audit;
    this.zone = practice.timeZone();
    this.clock = clock;
  }

  @Transactional
  public Summary summary(ReportPeriod period, GroupBy by) {
    audit.record(AuditLog.Action.REPORT_READ, null, "summary " + describe(period, by));
    return figures(period, by);
  }

  /** Two periods side by side (before and after a change of the ladder, say), with the change of each main figure. */
  @Transactional
  public Comparison compare(ReportPeriod before, ReportPeriod after, GroupBy by) {
    audit.record(AuditLog.Action.REPORT_READ, null, "comparison " + describe(before, by) + " with " + after.from() + ".." + after.to());
    Summary then = figures(before, by);
    Summary now = figures(after, by);
    return new Comparison(then, now, Comparison.changes(then.overall(), now.overall()));
  }

  /**
   * Every open request, oldest first (how old, whose queue, how many calls, what comes next when),
   * with their count, the oldest one's age and how many wait for each next step.
   */
  @Transactional
  public Unresolved unresolved() {
    audit.record(AuditLog.Action.REPORT_READ, null, "unresolved requests");
    Instant now = clock.instant();
    List<OpenRequest.Row> rows = new ArrayList<>();
    jdbc.query("select r.id, r.received_at, r.channel, r.reason, r.queue, r.screening, r.next_attempt_at,"
        + " r.process_instance_id, (select count(*) from call_attempt a where a.callback_request_id = r.id)"
        + " from open_callback o join callback_request r on r.id = o.callback_request_id order by r.received_at, r.id",
        (ResultSet row) -> {
          rows.add(new OpenRequest.Row(row.getObject(1, UUID.class), row.getObject(2, OffsetDateTime.class).toInstant(),
              row.getString(3), row.getString(4), row.getString(5), row.getString(6),
              row.getObject(7, OffsetDateTime.class) == null ? null : row.getObject(7, OffsetDateTime.class).toInstant(),
              row.getString(8), row.getInt(9)));
        });
    Map<String, Task> openTasks = openTasks(rows.stream().map(OpenRequest.Row::processInstanceId).toList());
    List<OpenRequest> open = rows.stream().map(row -> OpenRequest.of(row, openTasks.get(row.processInstanceId()), now)).toList();
    Map<String, Long> byNextStep = new TreeMap<>();
    open.forEach(request -> byNextStep.merge(request.nextStep(), 1L, Long::sum));
    return new Unresolved(open.size(), open.isEmpty() ? null : open.get(0).ageHours(), byNextStep, open);
  }

  /** The open requests and what they add up to. */
  public record Unresolved(long count, Double oldestAgeHours, Map<String, Long> byNextStep, List<OpenRequest> requests) {}

  private Summary figures(ReportPeriod period, GroupBy by) {
    Instant start = period.start(zone);
    Instant end = period.end(zone);
    ReportQueries.Grouped figures = queries.figures(start, end, by);
    return new Summary(period.from(), period.to(), zone.getId(), by.name().toLowerCase(Locale.ROOT),
        ladderVersions(start, end), figures.overall(), figures.groups(), queries.daily(period.from(), period.to()));
  }

  /** The ladder's versions in use during the period: the one deployed last before it, and any deployed during it. */
  List<Integer> ladderVersions(Instant start, Instant end) {
    List<Integer> versions = new ArrayList<>();
    Integer before = null;
    // one query for the deployments' times, not one per version
    Map<String, Instant> deployedAt = new HashMap<>();
    repository.createDeploymentQuery().list()
        .forEach(deployment -> deployedAt.put(deployment.getId(), deployment.getDeploymentTime().toInstant()));
    for (ProcessDefinition ladder : repository.createProcessDefinitionQuery().processDefinitionKey(CallbackProcess.PROCESS_KEY)
        .orderByProcessDefinitionVersion().asc().list()) {
      Instant deployed = deployedAt.get(ladder.getDeploymentId());
      if (deployed.isBefore(start)) {
        before = ladder.getVersion();
      } else if (deployed.isBefore(end)) {
        versions.add(ladder.getVersion());
      }
    }
    if (before != null) {
      versions.add(0, before);
    }
    return versions;
  }

  private Map<String, Task> openTasks(List<String> ladders) {
    Map<String, Task> open = new HashMap<>();
    for (int from = 0; from < ladders.size(); from += 500) {
      List<String> chunk = ladders.subList(from, Math.min(ladders.size(), from + 500)).stream().filter(id -> id != null).toList();
      if (!chunk.isEmpty()) {
        tasks.createTaskQuery().processInstanceIdIn(chunk.toArray(String[]::new)).list()
            .forEach(task -> open.merge(task.getProcessInstanceId(), task, (first, other) -> first));
      }
    }
    return open;
  }

  private static String describe(ReportPeriod period, GroupBy by) {
    return period.from() + ".." + period.to() + (by == GroupBy.NONE ? "" : " by " + by.name().toLowerCase(Locale.ROOT));
  }

  /** One open request as the unresolved list shows it: no name, no number. */
  public record OpenRequest(
      UUID id, Instant receivedAt, double ageHours, String channel, String reason, String queue, boolean clinicallyFlagged,
      int attempts, String nextStep, Instant nextStepAt) {

    record Row(UUID id, Instant receivedAt, String channel, String reason, String queue, String screening, Instant nextAttemptAt,
        String processInstanceId, int attempts) {}

    static OpenRequest of(Row row, Task task, Instant now) {
      String next = task != null ? task.getName() : row.nextAttemptAt() != null ? "Waiting for the next attempt" : "In progress";
      Instant at = task != null ? (task.getFollowUpDate() != null ? task.getFollowUpDate().toInstant()
          : task.getDueDate() == null ? null : task.getDueDate().toInstant()) : row.nextAttemptAt();
      double age = Math.round(Duration.between(row.receivedAt(), now).toMinutes() / 6.0) / 10.0;
      return new OpenRequest(row.id(), row.receivedAt(), age, row.channel(), row.reason(), row.queue(),
          !"NONE".equals(row.screening()), row.attempts(), next, at);
    }
  }

  /** Two summaries and how each main figure changed from the first to the second. */
  public record Comparison(Summary before, Summary after, List<Change> changes) {

    public record Change(String figure, Number before, Number after, Double change) {}

    static List<Change> changes(Summary.Figures then, Summary.Figures now) {
      List<Change> changes = new ArrayList<>();
      add(changes, "received", then.requests().received(), now.requests().received());
      add(changes, "first attempt, median minutes", then.requests().firstAttempt().medianMinutes(),
          now.requests().firstAttempt().medianMinutes());
      add(changes, "first attempt, 90th percentile minutes", then.requests().firstAttempt().p90Minutes(),
          now.requests().firstAttempt().p90Minutes());
      add(changes, "first attempt inside the window, share", then.requests().firstAttempt().insideWindowShare(),
          now.requests().firstAttempt().insideWindowShare());
      add(changes, "missed response windows", then.requests().missedWindows(), now.requests().missedWindows());
      add(changes, "reach rate", then.requests().reachRate(), now.requests().reachRate());
      add(changes, "booking rate", then.requests().bookingRate(), now.requests().bookingRate());
      add(changes, "unresolved", then.requests().unresolved(), now.requests().unresolved());
      add(changes, "unreachable", then.requests().unreachable(), now.requests().unreachable());
      add(changes, "wrong numbers", then.requests().wrongNumbers(), now.requests().wrongNumbers());
      add(changes, "escalations", then.escalations().raised(), now.escalations().raised());
      add(changes, "calls made", then.attempts().made(), now.attempts().made());
      add(changes, "calls that reached the patient, share", then.attempts().reachRate(), now.attempts().reachRate());
      add(changes, "opt-outs", then.messages().optOuts(), now.messages().optOuts());
      return changes;
    }

    private static void add(List<Change> changes, String figure, Number before, Number after) {
      Double change = before == null || after == null ? null
          : Math.round((after.doubleValue() - before.doubleValue()) * 10000.0) / 10000.0;
      changes.add(new Change(figure, before, after, change));
    }
  }
}
