package org.callbackladder.review;

import java.util.List;
import org.callbackladder.CallbackProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Record review" (Task_RecordReview) in both reviews. The manager's actions go to the review's
 * row, and the sheet and the actions leave the process.
 */
@Component("recordReview")
public class RecordReviewDelegate implements JavaDelegate {

  private final Reviews reviews;

  public RecordReviewDelegate(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.record((Long) execution.getVariable(Vars.REVIEW_ID), execution.getVariable(Vars.REVIEW_ACTIONS));
    execution.removeVariables(List.of(Vars.REVIEW_ID, Vars.REVIEW_SHEET, Vars.REVIEW_ACTIONS));
  }
}
