package org.callbackladder.practice;

import jakarta.validation.constraints.NotEmpty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callback.routing.*}: the queues a coordinator may route a patient to after speaking with
 * them (group id: the name staff know it by). The call form's "Route to" list offers the same ones
 * (a test compares them).
 */
@Validated
@ConfigurationProperties("callback.routing")
public record RoutingProperties(@NotEmpty Map<String, String> routeTo) {

  public RoutingProperties {
    routeTo = routeTo == null ? Map.of() : new LinkedHashMap<>(routeTo);
  }
}
