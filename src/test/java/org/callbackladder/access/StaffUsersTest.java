package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.callbackladder.support.CallbackLadderTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A small practice lists its users in configuration; Camunda Admin owns them once they exist. */
@CallbackLadderTest
class StaffUsersTest {

  @Autowired StaffUsers staff;
  @Autowired IdentityService identity;

  @Test
  void aConfiguredUserIsCreatedOnceWithItsGroupsAndLaterChangesInAdminStay() {
    AccessProperties.StaffUser jo = new AccessProperties.StaffUser(
        "jo.front-desk", "Jo", "Frontdesk", "jo@practice.example", "first-password-from-file", List.of(Groups.CALLBACK_COORDINATORS));

    boolean created = staff.createIfMissing(jo);
    User saved = identity.createUserQuery().userId("jo.front-desk").singleResult();
    saved.setPassword("changed-in-camunda-admin");
    identity.saveUser(saved);
    identity.deleteMembership("jo.front-desk", Groups.CALLBACK_COORDINATORS);
    identity.createMembership("jo.front-desk", Groups.REFERRAL_COORDINATORS);
    boolean createdAgain = staff.createIfMissing(jo);

    assertThat(created).isTrue();
    assertThat(createdAgain).isFalse();
    assertThat(saved.getEmail()).isEqualTo("jo@practice.example");
    assertThat(identity.checkPassword("jo.front-desk", "changed-in-camunda-admin")).isTrue();
    assertThat(identity.createGroupQuery().groupMember("jo.front-desk").list())
        .extracting(group -> group.getId()).containsExactly(Groups.REFERRAL_COORDINATORS);
  }

  @Test
  void anUnknownGroupIsNamedAndNoUserIsCreated() {
    AccessProperties.StaffUser typo = new AccessProperties.StaffUser(
        "sam.typo", "Sam", "Typo", null, "a-long-enough-password", List.of("callback-coordinater"));

    assertThatThrownBy(() -> staff.createIfMissing(typo))
        .hasMessageContaining("'sam.typo' names unknown groups [callback-coordinater]")
        .hasMessageContaining(Groups.CALLBACK_COORDINATORS);
    assertThat(identity.createUserQuery().userId("sam.typo").count()).isZero();
  }

  @Test
  void weakPasswordsAreRefusedWhereStrongOnesAreRequired() {
    List<AccessProperties.StaffUser> weak = List.of(new AccessProperties.StaffUser(
        "lee", "Lee", "Weak", null, "lee", List.of(Groups.CLINICAL_TEAM)));

    assertThatThrownBy(() -> new AccessProperties("admin", "a-strong-admin-password", false, null, true, weak))
        .hasMessageContaining("the password of 'lee' is missing or too weak");
    assertThat(new AccessProperties("admin", "admin", true, "demo", false, weak).users()).hasSize(1);
    assertThat(new AccessProperties("admin", "admin", false, null, true, List.of()).isAdminPasswordStrongEnough()).isFalse();
    assertThat(AccessProperties.isStrong("aaaaaaaaaaaaaaaa", "x")).isFalse();
    assertThat(AccessProperties.isStrong("correct horse battery", "x")).isTrue();
  }
}
