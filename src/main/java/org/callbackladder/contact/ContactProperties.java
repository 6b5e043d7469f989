package org.callbackladder.contact;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/** Where the call scripts come from ({@code callback.contact.*}). */
@Validated
@ConfigurationProperties("callback.contact")
public record ContactProperties(@NotNull Resource scripts) {}
