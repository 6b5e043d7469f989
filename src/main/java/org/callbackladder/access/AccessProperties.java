package org.callbackladder.access;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The administrator account and whether demo users are seeded ({@code callback.access.*}). The
 * admin password comes from {@code CALLBACK_ADMIN_PASSWORD}; without one the postgres profile does
 * not start, nor with a weak one.
 */
@Validated
@ConfigurationProperties("callback.access")
public record AccessProperties(
    @NotBlank String adminUser,
    @NotBlank(message = "must be set: export CALLBACK_ADMIN_PASSWORD") String adminPassword,
    boolean demoUsers,
    String demoPassword,
    boolean requireStrongAdminPassword) {

  static final int STRONG_LENGTH = 12;

  /** In production: at least 12 characters, not the user id, not a run of one character. */
  @AssertTrue(message = "CALLBACK_ADMIN_PASSWORD is too weak: use at least 12 characters, not the user id")
  public boolean isAdminPasswordStrongEnough() {
    if (!requireStrongAdminPassword || adminPassword == null || adminPassword.isBlank()) {
      return true;
    }
    return adminPassword.length() >= STRONG_LENGTH
        && !adminPassword.equalsIgnoreCase(adminUser)
        && adminPassword.chars().distinct().count() > 3;
  }
}
