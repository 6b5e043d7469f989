package org.callbackladder.intake;

import java.util.UUID;
import org.callbackladder.CallbackProcess;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.RequestStatus;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * BPMN "Patient callback", when a ladder starts: binds it to its stored request, one ladder per
 * request. A start for a request that is unknown, closed or already has its ladder (a second start
 * through engine-rest, say) fails and starts nothing. The request's version makes two starts at the
 * same moment fail too.
 */
@Component("takeOnRequest")
public class TakeOnRequestListener implements ExecutionListener {

  private final CallbackRequestRepository requests;

  public TakeOnRequestListener(CallbackRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CallbackRequest request = requestOf(execution);
    if (request == null || request.getStatus() == RequestStatus.CLOSED || request.getProcessInstanceId() != null) {
      throw new BadUserRequestException(
          "A callback ladder is started by the application, once for each stored open request; this start was refused");
    }
    request.ladderStarted(execution.getProcessInstanceId());
  }

  /** The request named by both the business key and the variable, as intake starts a ladder. */
  private CallbackRequest requestOf(DelegateExecution execution) {
    Object id = execution.getVariable(CallbackProcess.Vars.CALLBACK_REQUEST_ID);
    if (!(id instanceof String text) || !text.equals(execution.getProcessBusinessKey())) {
      return null;
    }
    try {
      return requests.findById(UUID.fromString(text)).orElse(null);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }
}
