package org.callbackladder.audit;

import org.callbackladder.CallbackProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every claim, hand-over and release of a callback's task goes on the request's audit trail, from
 * Tasklist, engine-rest or the application. Camunda publishes task events to Spring
 * ({@code camunda.bpm.eventing.task}, on by default) inside the engine's transaction.
 */
@Component
public class TaskAssignments {

  private final AuditLog audit;

  public TaskAssignments(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener(condition = "#task.eventName == 'assignment'")
  public void assigned(DelegateTask task) {
    if (task.getProcessInstanceId() == null || !task.hasVariable(CallbackProcess.Vars.CALLBACK_REQUEST_ID)) {
      return;
    }
    String assignee = task.getAssignee();
    audit.record(AuditLog.Action.ASSIGNED, CallbackProcess.requestId(task),
        task.getName() + (assignee == null ? ": released" : ": " + assignee));
  }
}
