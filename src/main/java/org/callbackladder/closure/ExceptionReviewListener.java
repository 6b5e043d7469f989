package org.callbackladder.closure;

import static org.callbackladder.CallbackProcess.requestId;

import java.util.List;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.TaskSheet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Exception review" (Task_ExceptionReview). On create the reviewer's sheet; on complete the
 * decision (refused without its required fields, the task stays open) and the closure it leads to.
 */
@Component("exceptionReview")
public class ExceptionReviewListener implements TaskListener {

  private final ExceptionReviews reviews;

  public ExceptionReviewListener(ExceptionReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // a second review (after one more attempt) starts with an empty form
      task.removeVariable(Vars.EXCEPTION_DECISION);
      TaskSheet.put(task, reviews.opened(requestId(task)));
      return;
    }
    ExceptionReviewAnswer answer = ExceptionReviewAnswer.of(task.getVariable(Vars.EXCEPTION_DECISION),
        task.getVariable(Vars.EXCEPTION_DETAIL), task.getVariable(Vars.EXCEPTION_CLOSURE_REASON));
    reviews.decided(requestId(task), answer, CallbackProcess.worker(task));
    task.removeVariables(List.of(Vars.EXCEPTION_DETAIL, Vars.EXCEPTION_CLOSURE_REASON));
    if (answer.closureReason() != null) {
      task.setVariable(Vars.CLOSURE_REASON, answer.closureReason().name());
    }
  }
}
