package org.callbackladder.access;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The administrator account and whether demo users are seeded ({@code callback.access.*}). The
 * admin password comes from {@code CALLBACK_ADMIN_PASSWORD}; without one the postgres profile does
 * not start.
 */
@Validated
@ConfigurationProperties("callback.access")
public record AccessProperties(
    @NotBlank String adminUser,
    @NotBlank(message = "must be set: export CALLBACK_ADMIN_PASSWORD") String adminPassword,
    boolean demoUsers,
    String demoPassword) {}
