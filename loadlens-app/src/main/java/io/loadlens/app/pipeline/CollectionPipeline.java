package io.loadlens.app.pipeline;

import io.loadlens.collector.CollectionListener;
import io.loadlens.collector.CollectorSettings;
import io.loadlens.collector.FleetCollector;
import io.loadlens.collector.MeterReader;
import io.loadlens.collector.PassSummary;
import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.store.IngestResult;
import io.loadlens.store.Store;
import io.loadlens.transport.Gateway;
import io.loadlens.transport.IngestService;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.inprocess.InProcessTransport;
import io.loadlens.transport.outbox.Outbox;
import io.loadlens.transport.outbox.OutboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded path of a reading: collector → durable outbox → in-process transport → ingest →
 * store. Catch-up reads start after the last capture the store holds, so a repeated pass reads only
 * what is new, and whatever is re-read is absorbed by the store's idempotent ingest.
 */
public final class CollectionPipeline implements AutoCloseable {
  private static final int QUEUE_CAPACITY = 1024;
  private static final int INGEST_BATCH = 256;

  private final Store store;
  private final StoreSink sink;
  private final Outbox outbox;
  private final Gateway gateway;
  private final IngestService ingest;
  private final List<MeterEvent> events = new ArrayList<>();

  public CollectionPipeline(Store store, Path dataDir, Clock clock) {
    this.store = store;
    this.sink = new StoreSink(store, clock);
    InProcessTransport transport = new InProcessTransport(QUEUE_CAPACITY, WireCodec.binary());
    this.outbox = Outbox.open(OutboxSettings.defaults(dataDir.resolve("outbox")));
    this.gateway = Gateway.start(outbox, transport.publisher());
    this.ingest = new IngestService(transport.subscriber(INGEST_BATCH), sink, WireCodec.binary());
    this.ingest.start();
  }

  /**
   * A collector that hands its readings to this pipeline. Catch-up reads start after the last
   * capture the store holds, refreshed at the start of every pass; events are stored at the end of
   * every pass.
   */
  public FleetCollector collector(
      FleetConfig fleet,
      MeterReader reader,
      CollectorSettings settings,
      Path stateDir,
      Clock clock,
      CollectionListener listener) {
    AtomicReference<Map<MeterId, Instant>> last = new AtomicReference<>(Map.of());
    CollectionListener refresh =
        new CollectionListener() {
          @Override
          public void passStarted(int meters) {
            last.set(store.lastCaptureTimes(ObisCode.ACTIVE_ENERGY_IMPORT));
          }

          @Override
          public void passFinished(PassSummary summary) {
            flushEvents();
          }
        };
    return FleetCollector.builder(fleet, reader, stateDir)
        .settings(settings)
        .captureTimes((meter, profile) -> Optional.ofNullable(last.get().get(meter)))
        .readings(gateway::publish)
        .events(this::event)
        .listener(CollectionListener.all(refresh, listener))
        .clock(clock)
        .build();
  }

  /** One pass over the given meters; returns when everything read is stored. */
  public Result pass(FleetCollector collector, List<MeterConfig> meters) {
    IngestResult before = sink.total();
    PassSummary summary = collector.run(meters);
    awaitStored();
    IngestResult after = sink.total();
    return new Result(
        summary,
        new IngestResult(
            after.offered() - before.offered(),
            after.inserted() - before.inserted(),
            after.duplicates() - before.duplicates(),
            after.conflicts() - before.conflicts()));
  }

  /** Waits until the store has acknowledged everything published so far. */
  public void awaitStored() {
    if (!gateway.drain(Duration.ofMinutes(5))) {
      throw new IllegalStateException(
          "the store did not acknowledge "
              + gateway.pendingCount()
              + " batches within 5 minutes; they stay in the outbox and are sent again on restart");
    }
    flushEvents();
  }

  /** What the store took so far. */
  public IngestResult ingested() {
    return sink.total();
  }

  private synchronized void event(MeterEvent e) {
    events.add(e);
    if (events.size() >= 1000) {
      flushEvents();
    }
  }

  private synchronized void flushEvents() {
    if (!events.isEmpty()) {
      store.recordEvents(List.copyOf(events));
      events.clear();
    }
  }

  /** A pass: what the collector did and what the store took of it. */
  public record Result(PassSummary collection, IngestResult ingest) {}

  @Override
  public void close() {
    gateway.close();
    ingest.close();
    outbox.close();
  }
}
