package org.callbackladder.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How hand-offs to the clinical team are timed ({@code callback.clinical.*}).
 *
 * @param urgentWindow an Urgent clinical callback's window, in real time: an emergency does not
 *     wait for opening time
 * @param reviewWindow a Clinical review's window, counted in open practice hours
 * @param escalationGroup who is told when a clinical task is still unclaimed at the end of its window
 * @param escalationInterval how often that is repeated while the task stays unclaimed
 * @param afterHoursLine shown on an urgent task created outside practice hours (the on-call
 *     service's number, for example)
 */
@Validated
@ConfigurationProperties("callback.clinical")
public record ClinicalProperties(
    @NotNull Duration urgentWindow,
    @NotNull Duration reviewWindow,
    @NotBlank String escalationGroup,
    @NotNull Duration escalationInterval,
    @NotBlank String afterHoursLine) {}
