package org.callbackladder.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what one client may send to the API and the webhooks ({@code callback.limits.*}): the
 * largest body, and how many requests a minute (per user, or per address when not signed in).
 */
@Validated
@ConfigurationProperties("callback.limits")
public record RequestLimits(@NotNull DataSize maxBodySize, @Min(1) int requestsPerMinute) {}
