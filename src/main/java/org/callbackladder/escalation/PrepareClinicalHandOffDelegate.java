package org.callbackladder.escalation;

import static org.callbackladder.CallbackProcess.requestId;

import java.time.Clock;
import java.util.List;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.escalation.ClinicalHandOff.RaisedBy;
import org.callbackladder.request.Screening.Level;
import org.callbackladder.schedule.PracticeCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN: "Prepare clinical hand-off" (Task_PrepareClinicalHandOff). Raises the hand-off (a possible
 * emergency becomes an Urgent clinical callback, anything else a Clinical review) and gives its task
 * a due date, a follow-up date of now, and the timer cycle that escalates it while nobody takes it.
 */
@Component("prepareClinicalHandOff")
public class PrepareClinicalHandOffDelegate implements JavaDelegate {

  private final ClinicalHandOffs handOffs;
  private final PracticeCalendar calendar;
  private final Clock clock;

  public PrepareClinicalHandOffDelegate(ClinicalHandOffs handOffs, PracticeCalendar calendar, Clock clock) {
    this.handOffs = handOffs;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level level = Level.valueOf((String) execution.getVariable(Vars.SCREENING));
    Object from = execution.getVariable(Vars.HAND_OFF_RAISED_BY);
    RaisedBy raisedBy = from == null ? RaisedBy.INTAKE : RaisedBy.valueOf(from.toString());
    ClinicalHandOffs.Plan plan = handOffs.raise(requestId(execution), level, raisedBy);
    execution.removeVariables(List.of(Vars.CLINICAL_OUTCOME, Vars.CLINICAL_NOTE));
    execution.setVariable(Vars.HAND_OFF_ID, plan.handOffId());
    execution.setVariable(Vars.HAND_OFF_DUE_AT, calendar.timerDate(plan.dueAt()));
    execution.setVariable(Vars.HAND_OFF_FOLLOW_UP_AT, calendar.timerDate(clock.instant()));
    execution.setVariable(Vars.HAND_OFF_ESCALATION_CYCLE, plan.escalationCycle());
    execution.setVariable(Vars.ESCALATION_GROUP, plan.escalationGroup());
  }
}
