package org.callbackladder.review;

import org.callbackladder.CallbackProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN: "Prepare daily review" (Task_PrepareDailyReview). Today's sheet, kept, and shown by the review's form. */
@Component("prepareDailyReview")
public class PrepareDailyReviewDelegate implements JavaDelegate {

  private final Reviews reviews;

  public PrepareDailyReviewDelegate(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CallbackReview review = reviews.prepare(CallbackReview.Kind.DAILY, execution.getProcessInstanceId());
    execution.setVariable(Vars.REVIEW_ID, review.getId());
    execution.setVariable(Vars.REVIEW_SHEET, review.formSheet());
  }
}
