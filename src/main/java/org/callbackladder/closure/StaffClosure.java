package org.callbackladder.closure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.ClosureReason;
import org.callbackladder.request.RequestStatus;
import org.callbackladder.web.ConflictException;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.callbackladder.web.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request closed by a practice manager outside the ladder (entered twice, the patient came in
 * person, resolved another way), with a reason and a note, audited. Its ladder ends with it. A
 * request with the clinical team is theirs to close: a manager cannot close it around them.
 */
@Service
public class StaffClosure {

  /** The reasons a manager may give; the others come from the ladder's own steps. */
  public static final Set<ClosureReason> REASONS = Set.of(ClosureReason.DUPLICATE, ClosureReason.SEEN_IN_PERSON,
      ClosureReason.RESOLVED, ClosureReason.DECLINED, ClosureReason.WRONG_NUMBER);
  public static final int NOTE_MAX = 500;

  private final CallbackRequestRepository requests;
  private final ClosureService closures;
  private final RuntimeService runtime;
  private final AuditLog audit;

  public StaffClosure(CallbackRequestRepository requests, ClosureService closures, RuntimeService runtime, AuditLog audit) {
    this.requests = requests;
    this.closures = closures;
    this.runtime = runtime;
    this.audit = audit;
  }

  @Transactional
  public CallbackRequest close(UUID id, Object reason, Object note) {
    List<FieldProblem> problems = new ArrayList<>();
    ClosureReason chosen = FieldRules.oneOf(ClosureReason.class, "reason", reason, problems);
    if (chosen != null && !REASONS.contains(chosen)) {
      problems.add(new FieldProblem("reason", "one-of", "must be one of " + REASONS.stream().map(Enum::name).sorted().toList()));
    }
    String written = FieldRules.requiredText("note", note, NOTE_MAX, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    CallbackRequest request = requests.findById(id).orElseThrow(() -> new NotFoundException("No callback request " + id));
    if (request.getStatus() == RequestStatus.CLOSED) {
      throw new ConflictException("The request is closed already (" + request.getClosureReason() + ")");
    }
    if (request.getStatus() == RequestStatus.ESCALATED) {
      throw new ConflictException("The request is with the clinical team: they close it when they have handled it");
    }
    closeInLadder(id, chosen, written);
    if (request.getProcessInstanceId() != null) {
      runtime.deleteProcessInstanceIfExists(request.getProcessInstanceId(), "closed by staff: " + chosen, true, true, true, false);
    }
    return request;
  }

  /** A manager's closure decided inside the ladder (its model ends the ladder): the record and the audit trail. */
  @Transactional
  public void closeInLadder(UUID id, ClosureReason reason, String note) {
    if (requests.getRequired(id).getStatus() == RequestStatus.CLOSED) {
      throw new ConflictException("The request is closed already");
    }
    closures.close(id, reason);
    audit.record(AuditLog.Action.CLOSED, id, "by staff: " + reason + ": " + note);
  }
}
