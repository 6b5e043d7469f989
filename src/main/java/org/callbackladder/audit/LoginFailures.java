package org.callbackladder.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/** Every failed sign-in to the API is audited, with the user id that was tried. */
@Component
public class LoginFailures {

  private final AuditLog audit;

  public LoginFailures(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  public void failed(AbstractAuthenticationFailureEvent event) {
    String tried = event.getAuthentication().getName();
    audit.recordAlone(AuditLog.Action.LOGIN_FAILED, tried == null || tried.isBlank() ? "(none)" : tried,
        event.getException().getClass().getSimpleName());
  }
}
