package org.callbackladder.review;

import org.callbackladder.CallbackProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN: "Prepare weekly review" (Task_PrepareWeeklyReview). The weeks' trends and blockers, kept, and shown by the review's form. */
@Component("prepareWeeklyReview")
public class PrepareWeeklyReviewDelegate implements JavaDelegate {

  private final Reviews reviews;

  public PrepareWeeklyReviewDelegate(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CallbackReview review = reviews.prepare(CallbackReview.Kind.WEEKLY, execution.getProcessInstanceId());
    execution.setVariable(Vars.REVIEW_ID, review.getId());
    execution.setVariable(Vars.REVIEW_SHEET, review.formSheet());
  }
}
