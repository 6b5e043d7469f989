package org.callbackladder.escalation;

import static org.callbackladder.CallbackProcess.TASK_CALL_PATIENT;

import java.time.Clock;
import java.util.UUID;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A first attempt still unworked when its response window ends: counted once, and pushed up the queue. */
@Service
public class ResponseWindows {

  /** The priority of a call whose response window has passed: above anything the routing table gives. */
  public static final int LATE_PRIORITY = 100;

  private static final Logger log = LoggerFactory.getLogger(ResponseWindows.class);

  private final CallbackRequestRepository requests;
  private final TaskService tasks;
  private final AuditLog audit;
  private final Clock clock;

  public ResponseWindows(CallbackRequestRepository requests, TaskService tasks, AuditLog audit, Clock clock) {
    this.requests = requests;
    this.tasks = tasks;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public void missed(UUID callbackRequestId, String processInstanceId) {
    CallbackRequest request = requests.getRequired(callbackRequestId);
    if (request.responseWindowMissed(clock.instant())) {
      log.warn("Callback request {} missed its response window", callbackRequestId);
      audit.record(AuditLog.Action.RESPONSE_WINDOW_MISSED, callbackRequestId, null);
    }
    for (Task call : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(TASK_CALL_PATIENT).list()) {
      tasks.setPriority(call.getId(), Math.max(call.getPriority(), LATE_PRIORITY));
    }
  }
}
