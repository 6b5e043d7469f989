package org.callbackladder.intake;

import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.Screening;

/**
 * What became of a signal: a new request ({@code merged} false), or an addition to the patient's
 * open one. {@code replayed} when the same event was delivered before and nothing new was stored.
 * {@code screening}: what the red-flag table made of the words this signal brought.
 */
public record IntakeResult(CallbackRequest request, boolean merged, boolean replayed, Screening.Level screening) {}
