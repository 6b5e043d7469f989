package org.callbackladder.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what clients may send ({@code callback.limits.*}): the largest body on the API and the
 * webhooks; API requests a minute per signed-in user; failed sign-ins a minute per client address
 * (after which the address waits for the next minute, whatever user name it tries); and webhook
 * calls a minute per phone-system account, counted once their signature is checked.
 */
@Validated
@ConfigurationProperties("callback.limits")
public record RequestLimits(
    @NotNull DataSize maxBodySize,
    @Min(1) int requestsPerMinute,
    @DefaultValue("20") @Min(1) int failedSignInsPerMinute,
    @DefaultValue("3000") @Min(1) int webhookRequestsPerMinute) {}
