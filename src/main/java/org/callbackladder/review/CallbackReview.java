package org.callbackladder.review;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One daily or weekly review: the sheet the manager was shown and what they did about it. */
@Entity
@Table(name = "callback_review")
public class CallbackReview {

  public enum Kind { DAILY, WEEKLY }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private LocalDate periodFrom;
  private LocalDate periodTo;
  private Instant preparedAt;
  private String sheet;
  private String processInstanceId;
  private String completedBy;
  private Instant completedAt;
  private String actions;

  protected CallbackReview() {}

  static CallbackReview prepared(Kind kind, ReportPeriod period, String sheet, String processInstanceId, Instant at) {
    CallbackReview review = new CallbackReview();
    review.kind = kind;
    review.periodFrom = period.from();
    review.periodTo = period.to();
    review.sheet = sheet;
    review.processInstanceId = processInstanceId;
    review.preparedAt = at;
    return review;
  }

  /** Camunda keeps a string variable in at most 4,000 characters: the form shows the sheet up to this. */
  static final int FORM_LIMIT = 3900;

  /** The sheet as the review's form shows it: whole, or cut at a line with a pointer to the whole. */
  public String formSheet() {
    if (sheet.length() <= FORM_LIMIT) {
      return sheet;
    }
    String more = "- ... the whole review: GET /api/reviews (review " + id + ")\n";
    return sheet.substring(0, sheet.lastIndexOf('\n', FORM_LIMIT - more.length()) + 1) + more;
  }

  void completed(String by, String actions, Instant at) {
    this.completedBy = by;
    this.actions = actions;
    this.completedAt = at;
  }

  public Long getId() { return id; }
  public Kind getKind() { return kind; }
  public LocalDate getPeriodFrom() { return periodFrom; }
  public LocalDate getPeriodTo() { return periodTo; }
  public Instant getPreparedAt() { return preparedAt; }
  public String getSheet() { return sheet; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getCompletedBy() { return completedBy; }
  public Instant getCompletedAt() { return completedAt; }
  public String getActions() { return actions; }
}
