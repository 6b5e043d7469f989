package org.callbackladder.access;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * People finish a task by completing its form, not by throwing a BPMN error or escalation at it
 * (Camunda lets whoever may complete a task do either, from Tasklist's API or engine-rest). No task
 * of the ladder catches one: an uncaught error would end the ladder's path without a closure. Such
 * a call is refused with 400 before it touches anything.
 */
@Component
public class TaskErrorsRefused extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
          throw new BadUserRequestException("Tasks are finished by completing their form; BPMN errors and escalations"
              + " are thrown by the ladder, not at its tasks");
        }
        return next.execute(command);
      }
    });
  }
}
