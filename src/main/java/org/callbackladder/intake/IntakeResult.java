package org.callbackladder.intake;

import org.callbackladder.request.CallbackRequest;

/**
 * What became of a signal: a new request ({@code merged} false), or an addition to the patient's
 * open one. {@code replayed} when the same event was delivered before and nothing new was stored.
 */
public record IntakeResult(CallbackRequest request, boolean merged, boolean replayed) {}
