package org.callbackladder.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The administrator account, the practice's own users and whether demo users are seeded
 * ({@code callback.access.*}). The admin password comes from {@code CALLBACK_ADMIN_PASSWORD};
 * without one the postgres profile does not start, nor with a weak one.
 */
@Validated
@ConfigurationProperties("callback.access")
public record AccessProperties(
    @NotBlank String adminUser,
    @NotBlank(message = "must be set: export CALLBACK_ADMIN_PASSWORD") String adminPassword,
    boolean demoUsers,
    String demoPassword,
    boolean requireStrongPasswords,
    @Valid List<StaffUser> users) {

  static final int STRONG_LENGTH = 12;

  public AccessProperties {
    users = users == null ? List.of() : List.copyOf(users);
    if (requireStrongPasswords) {
      for (StaffUser user : users) {
        if (!isStrong(user.password(), user.id())) {
          throw new IllegalArgumentException("callback.access.users: the password of '" + user.id()
              + "' is missing or too weak: use at least 12 characters, not the user id");
        }
      }
    }
  }

  /**
   * A user the practice lists in configuration, created at start-up when missing. Once created it is
   * the practice's to change in Camunda Admin: a restart does not overwrite it.
   */
  public record StaffUser(
      @NotBlank @Pattern(regexp = "[a-zA-Z0-9._@-]+", message = "may use letters, digits and . _ @ - only") String id,
      String firstName,
      String lastName,
      @Email String email,
      @NotBlank(message = "is needed to create the user") String password,
      List<String> groups) {

    public StaffUser {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  @AssertTrue(message = "CALLBACK_ADMIN_PASSWORD is too weak: use at least 12 characters, not the user id")
  public boolean isAdminPasswordStrongEnough() {
    return !requireStrongPasswords || adminPassword == null || adminPassword.isBlank() || isStrong(adminPassword, adminUser);
  }

  /** At least 12 characters, not the user id, not a run of one or two characters. */
  static boolean isStrong(String password, String userId) {
    return password != null
        && password.length() >= STRONG_LENGTH
        && !password.equalsIgnoreCase(userId)
        && password.chars().distinct().count() > 3;
  }
}
