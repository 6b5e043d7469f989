package org.callbackladder.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.callbackladder.attempt.AttemptService;
import org.callbackladder.schedule.AttemptScheduler.ScheduledAttempt;
import org.springframework.stereotype.Service;

/** Plans the next attempt of a request from what its earlier attempts already tried. */
@Service
public class NextAttemptPlanner {

  private final AttemptService attempts;
  private final AttemptScheduler scheduler;
  private final PracticeCalendar calendar;
  private final Clock clock;

  public NextAttemptPlanner(
      AttemptService attempts, AttemptScheduler scheduler, PracticeCalendar calendar, Clock clock) {
    this.attempts = attempts;
    this.scheduler = scheduler;
    this.calendar = calendar;
    this.clock = clock;
  }

  public PlannedAttempt plan(UUID callbackRequestId, Duration responseWindow) {
    Set<String> tried =
        attempts.attemptsOf(callbackRequestId).stream()
            .map(attempt -> scheduler.dayPartOf(attempt.getCompletedAt()))
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    ScheduledAttempt next = scheduler.nextAttempt(clock.instant(), tried);
    Instant due = calendar.addOpenTime(next.at(), responseWindow);
    return new PlannedAttempt(calendar.timerDate(next.at()), calendar.timerDate(due), next.dayPart());
  }

  /** Timer and due dates as ISO-8601 with the practice's offset. */
  public record PlannedAttempt(String at, String dueAt, String dayPart) {}
}
