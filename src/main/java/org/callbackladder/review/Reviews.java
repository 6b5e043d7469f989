package org.callbackladder.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.practice.PracticeProperties;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The daily and weekly reviews: prepared for a practice manager, recorded with what they did, and listed. */
@Service
public class Reviews {

  public static final int ACTIONS_MAX = 4000;

  private final CallbackReviewRepository reviews;
  private final ReviewSheets sheets;
  private final ReviewProperties settings;
  private final AuditLog audit;
  private final PracticeProperties practice;
  private final Clock clock;

  public Reviews(CallbackReviewRepository reviews, ReviewSheets sheets, ReviewProperties settings, AuditLog audit,
      PracticeProperties practice, Clock clock) {
    this.reviews = reviews;
    this.sheets = sheets;
    this.settings = settings;
    this.audit = audit;
    this.practice = practice;
    this.clock = clock;
  }

  /** Today's daily review, or the weekly one over the weeks to today, kept before the manager sees it. */
  @Transactional
  public CallbackReview prepare(CallbackReview.Kind kind, String processInstanceId) {
    LocalDate today = clock.instant().atZone(practice.timeZone()).toLocalDate();
    ReportPeriod period = kind == CallbackReview.Kind.DAILY
        ? new ReportPeriod(today, today)
        : new ReportPeriod(today.minusDays(7L * settings.weekly().weeks() - 1), today);
    String sheet = kind == CallbackReview.Kind.DAILY ? sheets.daily(period) : sheets.weekly(today);
    return reviews.save(CallbackReview.prepared(kind, period, sheet, processInstanceId, clock.instant()));
  }

  /** The manager's actions, by whoever completed the review task. */
  @Transactional
  public void record(long reviewId, Object actions) {
    List<FieldProblem> problems = new ArrayList<>();
    String text = FieldRules.requiredText("reviewActions", actions, ACTIONS_MAX, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    CallbackReview review = reviews.findById(reviewId).orElseThrow();
    review.completed(audit.actor(), text, clock.instant());
  }

  /** The reviews, newest first; the read is audited. */
  @Transactional
  public Page<CallbackReview> list(int page, int size) {
    audit.record(AuditLog.Action.REPORT_READ, null, "reviews, page " + page);
    return reviews.findAllByOrderByPreparedAtDescIdDesc(PageRequest.of(page, size));
  }
}
