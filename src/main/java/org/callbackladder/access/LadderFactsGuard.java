package org.callbackladder.access;

import org.callbackladder.CallbackProcess;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nobody steers a patient's ladder through its variables. A task's candidates may complete it, and
 * Camunda lets a completion carry any variables; this refuses a person's write of the ladder's own
 * facts ({@link CallbackProcess.Vars#LADDER_FACTS}: the request id, queue, attempts, due dates), so a
 * completion can only answer its form. The ladder's own steps (delegates, listeners, timers) run
 * without the person's authorization checks and are not affected. Administrators may repair.
 *
 * <p>Camunda publishes every variable write to Spring inside its transaction ({@code
 * camunda.bpm.eventing.history}, with history level audit or full); an exception here fails the whole
 * command, so nothing is changed.
 */
@Component
public class LadderFactsGuard {

  private final IdentityService identity;

  public LadderFactsGuard(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener
  public void written(HistoricVariableUpdateEventEntity write) {
    if (!CallbackProcess.PROCESS_KEY.equals(write.getProcessDefinitionKey())
        || !CallbackProcess.Vars.LADDER_FACTS.contains(write.getVariableName())) {
      return;
    }
    CommandContext command = Context.getCommandContext();
    Authentication person = identity.getCurrentAuthentication();
    boolean byPerson = command != null && command.isAuthorizationCheckEnabled() && person != null && person.getUserId() != null;
    if (byPerson && (person.getGroupIds() == null || !person.getGroupIds().contains(Groups.ADMINS))) {
      throw new AuthorizationException(
          "The ladder sets " + write.getVariableName() + " itself; it cannot be changed through a task or the API");
    }
  }
}
