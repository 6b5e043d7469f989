package org.callbackladder.escalation;

import static org.callbackladder.CallbackProcess.handOffId;

import java.util.ArrayList;
import java.util.List;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.TaskSheet;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Unaccepted clinical hand-off" (Task_UnacceptedClinicalHandOff). On create a summary of
 * the waiting clinical task; on complete what the manager did (refused without it), kept with the
 * hand-off.
 */
@Component("unacceptedHandOff")
public class UnacceptedHandOffListener implements TaskListener {

  /** What a manager does about a clinical task nobody took. */
  public enum ManagerAction { ASSIGNED_CLINICIAN, REACHED_CLINICIAN, ON_CALL_SERVICE, OTHER }

  private final ClinicalHandOffs handOffs;
  private final ClinicalSheets sheets;

  public UnacceptedHandOffListener(ClinicalHandOffs handOffs, ClinicalSheets sheets) {
    this.handOffs = handOffs;
    this.sheets = sheets;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // the task is about this hand-off, even if an emergency replaces it with another one meanwhile
      task.setVariableLocal(Vars.HAND_OFF_ID, handOffId(task));
      TaskSheet.put(task, sheets.summary(handOffId(task)));
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    ManagerAction action = FieldRules.oneOf(ManagerAction.class, Vars.MANAGER_ACTION, task.getVariable(Vars.MANAGER_ACTION), problems);
    String note = action == ManagerAction.OTHER
        ? FieldRules.requiredText(Vars.MANAGER_NOTE, task.getVariable(Vars.MANAGER_NOTE), 2000, problems)
        : FieldRules.optionalText(Vars.MANAGER_NOTE, task.getVariable(Vars.MANAGER_NOTE), 2000, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    handOffs.managerActed(((Number) task.getVariableLocal(Vars.HAND_OFF_ID)).longValue(), action.name(), note);
    task.removeVariables(List.of(Vars.MANAGER_ACTION, Vars.MANAGER_NOTE));
  }
}
