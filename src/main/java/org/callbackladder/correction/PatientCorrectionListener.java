package org.callbackladder.correction;

import static org.callbackladder.CallbackProcess.Vars.ATTEMPT_NUMBER;
import static org.callbackladder.CallbackProcess.Vars.CALL_BACK_AT;
import static org.callbackladder.CallbackProcess.Vars.CORRECTED_PHONE;
import static org.callbackladder.CallbackProcess.Vars.CORRECTION_DECISION;
import static org.callbackladder.CallbackProcess.Vars.MAX_ATTEMPTS;
import static org.callbackladder.CallbackProcess.requestId;
import static org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_CREATE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callbackladder.CallbackProcess;
import org.callbackladder.TaskSheet;
import org.callbackladder.attempt.CallRules;
import org.callbackladder.attempt.CallSheets;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Resolve calling window" (Task_ResolveCallingWindow) and "Find another number"
 * (Task_FindAnotherNumber). On create: the manager's sheet, saying why the ladder cannot call. On
 * complete: the corrected number or time zone goes onto the request (audited), and the decision:
 * schedule again, call at a chosen time, or close. A number that could not be called is not tried
 * again unchanged.
 */
@Component("patientCorrection")
public class PatientCorrectionListener implements TaskListener {

  /** What a manager can decide on a request the ladder cannot call. */
  enum Decision { SCHEDULE_AGAIN, SCHEDULE_AT, CLOSE }

  private final PatientCorrections corrections;
  private final CallSheets sheets;
  private final CallRules rules;

  public PatientCorrectionListener(PatientCorrections corrections, CallSheets sheets, CallRules rules) {
    this.corrections = corrections;
    this.sheets = sheets;
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean findNumber = CallbackProcess.TASK_FIND_ANOTHER_NUMBER.equals(task.getTaskDefinitionKey());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> sheet = sheets.forCorrection(requestId(task), findNumber
          ? "The number was disconnected on attempt " + task.getVariable(ATTEMPT_NUMBER) + ". Look for another one (the"
              + " patient's record, the referring office) and schedule again, or close the request."
          : "Practice hours and the patient's calling window do not meet in the days ahead, so the ladder cannot plan a"
              + " call. Correct the time zone or the number, choose a time to call, or close the request.");
      TaskSheet.put(task, sheet);
      task.setVariableLocal(CallbackProcess.WORKLIST_LINE,
          sheets.worklistLine(requestId(task), sheet, findNumber ? "Number disconnected" : "No time to call"));
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    Decision decision = FieldRules.oneOf(Decision.class, CORRECTION_DECISION, task.getVariable(CORRECTION_DECISION), problems);
    PatientCorrections.FormFields corrected = PatientCorrections.FormFields.of(task, problems);
    Instant callAt = decision == Decision.SCHEDULE_AT ? rules.callBackAt(CALL_BACK_AT, task.getVariable(CALL_BACK_AT), problems) : null;
    if (findNumber && decision != null && decision != Decision.CLOSE && corrected.phone() == null) {
      problems.add(new FieldProblem(CORRECTED_PHONE, "required", "is needed to call again: the old number is disconnected"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<String> changed = corrections.correctFromForm(task, corrected);
    if (findNumber && decision != Decision.CLOSE && !changed.contains("phone")) {
      throw new InvalidInputException(List.of(new FieldProblem(CORRECTED_PHONE, "sameNumber",
          "is the number that was disconnected: enter another one")));
    }
    if (decision == Decision.SCHEDULE_AT) {
      task.setVariable(CALL_BACK_AT, callAt.toString());
    } else {
      task.removeVariable(CALL_BACK_AT);
    }
    if (decision != Decision.CLOSE && (Integer) task.getVariable(ATTEMPT_NUMBER) >= (Integer) task.getVariable(MAX_ATTEMPTS)) {
      // the corrected details deserve a call of their own
      task.setVariable(MAX_ATTEMPTS, (Integer) task.getVariable(ATTEMPT_NUMBER) + 1);
    }
  }
}
