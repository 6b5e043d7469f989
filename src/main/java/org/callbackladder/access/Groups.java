package org.callbackladder.access;

import java.util.List;

/** The groups of the product's roles; task queues are these group ids. */
public final class Groups {

  public static final String CALLBACK_COORDINATORS = "callback-coordinators";
  public static final String REFERRAL_COORDINATORS = "referral-coordinators";
  public static final String CLINICAL_TEAM = "clinical-team";
  public static final String PRACTICE_MANAGERS = "practice-managers";
  public static final String OPERATIONS = "operations";
  /** Camunda's own administrators' group (the admin user). */
  public static final String ADMINS = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /**
   * Not a Camunda group: the authority of a request signed in with an INTAKE-scope API token, which
   * hands in requests for an integration and reads nothing, whoever its user is.
   */
  public static final String INTAKE_TOKEN = "intake-token";

  /** The groups that work callbacks in Tasklist. */
  public static final List<String> STAFF = List.of(CALLBACK_COORDINATORS, REFERRAL_COORDINATORS, CLINICAL_TEAM, PRACTICE_MANAGERS);

  public record Role(String groupId, String name) {}

  public static final List<Role> ROLES =
      List.of(
          new Role(CALLBACK_COORDINATORS, "Callback coordinators"),
          new Role(REFERRAL_COORDINATORS, "Referral coordinators"),
          new Role(CLINICAL_TEAM, "Clinical team"),
          new Role(PRACTICE_MANAGERS, "Practice managers"),
          new Role(OPERATIONS, "Operations"));

  private Groups() {}
}
