package org.callbackladder.escalation;

import static org.callbackladder.CallbackProcess.handOffId;

import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.TaskSheet;
import org.callbackladder.request.ClosureReason;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Urgent clinical callback" (Task_UrgentClinicalCallback) and "Clinical review"
 * (Task_ClinicalReview). On create the clinician's sheet; on assignment the claim time; on complete
 * the decision (refused without its required fields, the task stays open), which sets the closure
 * when the clinical team handled it. The note moves into the tables and leaves the process.
 */
@Component("clinicalTask")
public class ClinicalTaskListener implements TaskListener {

  private final ClinicalHandOffs handOffs;
  private final ClinicalSheets sheets;

  public ClinicalTaskListener(ClinicalHandOffs handOffs, ClinicalSheets sheets) {
    this.handOffs = handOffs;
    this.sheets = sheets;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> TaskSheet.put(task, sheets.prepare(handOffId(task)));
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          handOffs.claimed(handOffId(task), task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> {
        ClinicalDecision decision =
            ClinicalDecision.of(task.getVariable(Vars.CLINICAL_OUTCOME), task.getVariable(Vars.CLINICAL_NOTE));
        handOffs.decided(handOffId(task), decision, CallbackProcess.worker(task));
        task.removeVariable(Vars.CLINICAL_NOTE);
        if (decision.outcome() == ClinicalHandOff.Outcome.HANDLED) {
          task.setVariable(Vars.CLOSURE_REASON, ClosureReason.CLINICAL_HANDOFF.name());
        }
      }
      default -> { }
    }
  }
}
