package org.callbackladder.access;

import java.util.List;
import java.util.stream.Stream;
import org.callbackladder.web.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The groups of the product's roles; task queues are these group ids. */
public final class Groups {

  public static final String CALLBACK_COORDINATORS = "callback-coordinators";
  public static final String REFERRAL_COORDINATORS = "referral-coordinators";
  public static final String CLINICAL_TEAM = "clinical-team";
  public static final String PRACTICE_MANAGERS = "practice-managers";
  public static final String OPERATIONS = "operations";
  /** Camunda's own administrators' group (the admin user). */
  public static final String ADMINS = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /** The groups that work callbacks in Tasklist. */
  public static final List<String> STAFF = List.of(CALLBACK_COORDINATORS, REFERRAL_COORDINATORS, CLINICAL_TEAM, PRACTICE_MANAGERS);

  /** Who may read callback requests through the API: the staff and administrators, not operations. */
  public static final List<String> REQUEST_READERS = Stream.concat(STAFF.stream(), Stream.of(ADMINS)).toList();

  public record Role(String groupId, String name) {}

  public static final List<Role> ROLES =
      List.of(
          new Role(CALLBACK_COORDINATORS, "Callback coordinators"),
          new Role(REFERRAL_COORDINATORS, "Referral coordinators"),
          new Role(CLINICAL_TEAM, "Clinical team"),
          new Role(PRACTICE_MANAGERS, "Practice managers"),
          new Role(OPERATIONS, "Operations"));

  /** Refuses (403) a signed-in user who is in none of the groups. */
  public static void requireAny(Authentication user, List<String> groups, String refusal) {
    boolean member = user != null
        && user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(groups::contains);
    if (!member) {
      throw new ForbiddenException(refusal);
    }
  }

  private Groups() {}
}
