package io.loadlens.collector.metrics;

import io.loadlens.collector.CollectionListener;
import io.loadlens.collector.MeterOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes collection metrics to a Micrometer registry:
 *
 * <ul>
 *   <li>{@code loadlens.collector.meters.read} (counter, tag {@code outcome=ok|failed})
 *   <li>{@code loadlens.collector.rows} (counter): rows delivered
 *   <li>{@code loadlens.collector.gaps} (counter): missing intervals found
 *   <li>{@code loadlens.collector.failures} (counter, tag {@code code}, e.g. {@code 0x05})
 *   <li>{@code loadlens.collector.session} (timer, with p50/p99): time per meter read
 * </ul>
 */
public final class MicrometerCollectionListener implements CollectionListener {
  private final MeterRegistry registry;
  private final Counter ok;
  private final Counter failed;
  private final Counter rows;
  private final Counter gaps;
  private final Timer session;

  public MicrometerCollectionListener(MeterRegistry registry) {
    this.registry = registry;
    this.ok = registry.counter("loadlens.collector.meters.read", "outcome", "ok");
    this.failed = registry.counter("loadlens.collector.meters.read", "outcome", "failed");
    this.rows = registry.counter("loadlens.collector.rows");
    this.gaps = registry.counter("loadlens.collector.gaps");
    this.session =
        Timer.builder("loadlens.collector.session")
            .description("time to read one meter, including waits and retries")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  @Override
  public void meterFinished(MeterOutcome o) {
    (o.ok() ? ok : failed).increment();
    rows.increment(o.rows());
    gaps.increment(o.gaps());
    session.record(o.duration());
    if (!o.ok()) {
      registry
          .counter("loadlens.collector.failures", "code", o.code().orElseThrow().label())
          .increment();
    }
  }
}
