package org.callbackladder.access;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the users a small practice lists in configuration ({@code callback.access.users}), in every
 * profile. A user that exists already is left as it is, so what the practice changes later in
 * Camunda Admin (a new password, other groups) survives a restart.
 */
@Component
public class StaffUsers {

  private static final Logger log = LoggerFactory.getLogger(StaffUsers.class);

  private final IdentityService identity;
  private final AccessProperties access;

  public StaffUsers(IdentityService identity, AccessProperties access) {
    this.identity = identity;
    this.access = access;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void createConfiguredUsers() {
    long created = access.users().stream().filter(this::createIfMissing).count();
    if (created > 0) {
      log.info("Created {} user(s) from callback.access.users", created);
    }
  }

  /** Creates the user with its groups unless a user with that id exists; true when it was created. */
  boolean createIfMissing(AccessProperties.StaffUser wanted) {
    if (identity.createUserQuery().userId(wanted.id()).count() > 0) {
      return false;
    }
    List<String> unknown = wanted.groups().stream()
        .filter(group -> identity.createGroupQuery().groupId(group).count() == 0)
        .toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("callback.access.users: '" + wanted.id() + "' names unknown groups " + unknown
          + "; the product's groups are " + Groups.ROLES.stream().map(Groups.Role::groupId).toList());
    }
    User user = identity.newUser(wanted.id());
    user.setFirstName(wanted.firstName());
    user.setLastName(wanted.lastName());
    user.setEmail(wanted.email());
    user.setPassword(wanted.password());
    identity.saveUser(user);
    wanted.groups().forEach(group -> identity.createMembership(wanted.id(), group));
    return true;
  }
}
