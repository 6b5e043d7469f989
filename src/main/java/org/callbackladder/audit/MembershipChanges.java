package org.callbackladder.audit;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every change of a group membership, in Admin or through engine-rest, goes on the audit trail with
 * who made it. Camunda writes one user-operation log entry per changed property (the group, the
 * user) and publishes it to Spring inside its transaction; each becomes one audit row.
 */
@Component
public class MembershipChanges {

  private final AuditLog audit;

  public MembershipChanges(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener(condition = "#entry.entityType == '" + EntityTypes.GROUP_MEMBERSHIP + "'")
  public void changed(UserOperationLogEntryEventEntity entry) {
    audit.record(AuditLog.Action.MEMBERSHIP_CHANGED, null,
        entry.getOperationType() + " " + entry.getProperty() + " " + entry.getNewValue());
  }
}
