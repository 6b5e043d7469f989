package org.callbackladder.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.callbackladder.web.FieldProblem;

/**
 * A span of practice-local dates, both included: {@code 2026-12-01} to {@code 2026-12-07} is that
 * week from its first midnight to the midnight after its last day, in the practice's time zone (a
 * week across a clock change has 167 or 169 hours).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

  /** The longest period one report covers, and the years a date may fall in. */
  static final int MAX_DAYS = 1100;
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  public Instant start(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  public Instant end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** Reads {@code from} and {@code to} (ISO dates) as the query gave them; null with its problems added when it cannot. */
  static ReportPeriod parse(String fromField, String from, String toField, String to, List<FieldProblem> problems) {
    LocalDate start = date(fromField, from, problems);
    LocalDate end = date(toField, to, problems);
    if (start == null || end == null) {
      return null;
    }
    if (end.isBefore(start)) {
      problems.add(new FieldProblem(toField, "not-before-from", "must not be before " + fromField));
      return null;
    }
    ReportPeriod period = new ReportPeriod(start, end);
    if (period.days() > MAX_DAYS) {
      problems.add(new FieldProblem(toField, "max-span", "must be at most " + MAX_DAYS + " days after " + fromField));
      return null;
    }
    return period;
  }

  private static LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "required", "is required (a date, e.g. 2026-12-01)"));
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.strip());
    } catch (DateTimeParseException notADate) {
      problems.add(new FieldProblem(field, "date", "must be a date such as 2026-12-01"));
      return null;
    }
    if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
      problems.add(new FieldProblem(field, "year", "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR));
      return null;
    }
    return date;
  }
}
