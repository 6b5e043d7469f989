package org.callbackladder.access;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds one demo user per role for the zero-setup run, so every part of the product can be tried
 * at once. Never in the postgres profile. Existing users are left as they are; the groups come
 * from {@link AccessSetup}.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "callback.access.demo-users", havingValue = "true")
public class DemoUsers {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  /** user id, first name, last name, group. */
  static final List<String[]> USERS =
      List.of(
          new String[] {"coordinator", "Casey", "Coordinator", Groups.CALLBACK_COORDINATORS},
          new String[] {"referrals", "Robin", "Referrals", Groups.REFERRAL_COORDINATORS},
          new String[] {"clinician", "Dana", "Clinician", Groups.CLINICAL_TEAM},
          new String[] {"manager", "Morgan", "Manager", Groups.PRACTICE_MANAGERS},
          new String[] {"operations", "Oakley", "Operations", Groups.OPERATIONS});

  private final StaffUsers staff;
  private final AccessProperties access;

  public DemoUsers(StaffUsers staff, AccessProperties access) {
    this.staff = staff;
    this.access = access;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    for (String[] demo : USERS) {
      staff.createIfMissing(new AccessProperties.StaffUser(
          demo[0], demo[1], demo[2], null, access.demoPassword(), List.of(demo[3])));
    }
    log.warn(
        "DEMO USERS ARE ENABLED: coordinator, referrals, clinician, manager, operations, all with the"
            + " password from callback.access.demo-password. For trying the product only; the postgres"
            + " profile never creates them.");
  }
}
