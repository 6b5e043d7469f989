package org.callbackladder.closure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.callbackladder.request.CallbackRequestRepository;
import org.springframework.stereotype.Component;

/**
 * Counts open referrals whose referring office has not sent the records (metric
 * {@code callback.referrals.records.missing}), so a stalled hand-off from referring offices shows
 * before it turns into unreachable patients. Each such referral is flagged on its call sheet.
 */
@Component
public class StalledReferrals implements MeterBinder {

  private final CallbackRequestRepository requests;

  public StalledReferrals(CallbackRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("callback.referrals.records.missing", requests, CallbackRequestRepository::countOpenReferralsWithoutRecords)
        .description("Open referrals whose referring office has not sent the records")
        .register(registry);
  }
}
