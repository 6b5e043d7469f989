package org.callbackladder.contact;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The outbox for operations to alert on: messages failed ({@code callback.outbox.failed}, listed at
 * {@code /api/messages/failed}), waiting to leave ({@code callback.outbox.pending}) and handed to a
 * provider without an answer recorded yet ({@code callback.outbox.sending}).
 */
@Component
public class OutboxMetrics implements MeterBinder {

  private final OutboxMessageRepository outbox;

  public OutboxMetrics(OutboxMessageRepository outbox) {
    this.outbox = outbox;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OutboxMessage.Status status : new OutboxMessage.Status[] {
        OutboxMessage.Status.FAILED, OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING}) {
      Gauge.builder("callback.outbox." + status.name().toLowerCase(Locale.ROOT), outbox, o -> o.countByStatus(status))
          .description("Outbox messages " + status.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }
}
