package org.callbackladder.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who did what to which request, when and from where. Written in the caller's
 * transaction, so a change and its audit row are stored together or not at all.
 */
@Service
public class AuditLog {

  /** What is audited. */
  public enum Action {
    CREATED, MERGED, READ, LISTED, ASSIGNED, ATTEMPT_DOCUMENTED, CLOSED, RESPONSE_WINDOW_MISSED, EXPORTED, LOGIN_FAILED,
    TOKEN_ISSUED, TOKEN_REVOKED, MEMBERSHIP_CHANGED, RED_FLAG, CLINICAL_HANDOFF, HANDOFF_CLAIMED, HANDOFF_DONE,
    HANDOFF_UNCLAIMED, EXCEPTION_DECIDED, CONTACT_CHANGED, MESSAGE_RETRIED, REPORT_READ, ROUTED_ON_CALL,
    PATIENT_CORRECTED
  }

  private final AuditEventRepository events;
  private final IdentityService identity;
  private final Clock clock;

  public AuditLog(AuditEventRepository events, IdentityService identity, Clock clock) {
    this.events = events;
    this.identity = identity;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Action action, UUID callbackRequestId, String detail) {
    events.save(new AuditEvent(clock.instant(), actor(), action.name(), callbackRequestId, detail, source()));
  }

  /** For events outside any other transaction, such as a failed login. */
  @Transactional
  public void recordAlone(Action action, String actor, String detail) {
    events.save(new AuditEvent(clock.instant(), actor, action.name(), null, detail, source()));
  }

  /** Who is acting: the signed-in API user, else the engine's current user (Tasklist), else the system itself. */
  public String actor() {
    var user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.isAuthenticated() && !"anonymousUser".equals(user.getName())) {
      return user.getName();
    }
    Authentication engineUser = identity.getCurrentAuthentication();
    if (engineUser != null && engineUser.getUserId() != null) {
      return engineUser.getUserId();
    }
    return RequestContextHolder.getRequestAttributes() == null ? "callback-ladder" : "webhook";
  }

  private static String source() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return request.getRemoteAddr();
    }
    return "process";
  }
}
