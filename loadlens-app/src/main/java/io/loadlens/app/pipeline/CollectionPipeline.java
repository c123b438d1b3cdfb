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
import io.loadlens.model.ReadingBatch;
import io.loadlens.store.IngestResult;
import io.loadlens.store.Store;
import io.loadlens.transport.Gateway;
import io.loadlens.transport.IngestService;
import io.loadlens.transport.ReadingPublisher;
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
  private final PublishedCaptureTimes published;
  private final Outbox outbox;
  private final Gateway gateway;
  private final IngestService ingest;
  private final List<MeterEvent> events = new ArrayList<>();

  private CollectionPipeline(
      Store store,
      StoreSink sink,
      PublishedCaptureTimes published,
      Path dataDir,
      ReadingPublisher publisher,
      IngestService ingest) {
    this.store = store;
    this.sink = sink;
    this.published = published;
    this.outbox = Outbox.open(OutboxSettings.defaults(dataDir.resolve("outbox")));
    this.gateway = Gateway.start(outbox, publisher);
    this.ingest = ingest;
  }

  /**
   * The embedded default: readings travel through the outbox and the in-process transport into
   * {@code store}, which also supplies the catch-up times and keeps the events.
   */
  public static CollectionPipeline embedded(Store store, Path dataDir, Clock clock) {
    return embedded(store, dataDir, clock, ReadingsMirror.NONE);
  }

  /** The embedded pipeline, also handing what the store committed to {@code mirror}. */
  public static CollectionPipeline embedded(
      Store store, Path dataDir, Clock clock, ReadingsMirror mirror) {
    InProcessTransport transport = new InProcessTransport(QUEUE_CAPACITY, WireCodec.binary());
    StoreSink sink = new StoreSink(store, clock, java.time.ZoneOffset.UTC, mirror);
    IngestService ingest =
        new IngestService(transport.subscriber(INGEST_BATCH), sink, WireCodec.binary());
    ingest.start();
    return new CollectionPipeline(store, sink, null, dataDir, transport.publisher(), ingest);
  }

  /**
   * The head-end of a split deployment: readings go through the outbox to {@code publisher} (MQTT
   * or Kafka); catch-up times are those of the batches handed to the outbox, kept in the state dir.
   */
  public static CollectionPipeline gateway(Path dataDir, ReadingPublisher publisher) {
    return new CollectionPipeline(
        null, null, new PublishedCaptureTimes(dataDir.resolve("state")), dataDir, publisher, null);
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
            if (store != null) {
              last.set(store.lastCaptureTimes(ObisCode.ACTIVE_ENERGY_IMPORT));
            }
          }

          @Override
          public void passFinished(PassSummary summary) {
            flushEvents();
          }
        };
    return FleetCollector.builder(fleet, reader, stateDir)
        .settings(settings)
        .captureTimes(
            (meter, profile) ->
                published != null
                    ? published.lastCaptureTime(meter)
                    : Optional.ofNullable(last.get().get(meter)))
        .readings(this::publish)
        .events(this::event)
        .listener(CollectionListener.all(refresh, listener))
        .clock(clock)
        .build();
  }

  private void publish(ReadingBatch batch) {
    gateway.publish(batch);
    if (published != null) {
      published.published(batch);
    }
  }

  /**
   * One pass over the given meters; returns when everything read is acknowledged (embedded: stored;
   * gateway: accepted by the broker).
   */
  public Result pass(FleetCollector collector, List<MeterConfig> meters) {
    IngestResult before = ingested();
    PassSummary summary = collector.run(meters);
    awaitStored();
    IngestResult after = ingested();
    return new Result(
        summary,
        new IngestResult(
            after.offered() - before.offered(),
            after.inserted() - before.inserted(),
            after.duplicates() - before.duplicates(),
            after.conflicts() - before.conflicts()));
  }

  /** Waits until everything published so far is acknowledged. */
  public void awaitStored() {
    if (!gateway.drain(Duration.ofMinutes(5))) {
      throw new IllegalStateException(
          "no acknowledgement for "
              + gateway.pendingCount()
              + " batches within 5 minutes; they stay in the outbox and are sent again on restart");
    }
    flushEvents();
    if (published != null) {
      published.save();
    }
  }

  /** What the store took so far (nothing for a gateway, which has no store). */
  public IngestResult ingested() {
    return sink == null ? IngestResult.NONE : sink.total();
  }

  private synchronized void event(MeterEvent e) {
    events.add(e);
    if (events.size() >= 1000) {
      flushEvents();
    }
  }

  private synchronized void flushEvents() {
    if (events.isEmpty()) {
      return;
    }
    if (store == null) {
      gateway.publishEvents(List.copyOf(events)); // through the outbox to the events topic
    } else {
      store.recordEvents(List.copyOf(events));
    }
    events.clear();
  }

  /** A pass: what the collector did and what the store took of it. */
  public record Result(PassSummary collection, IngestResult ingest) {}

  @Override
  public void close() {
    gateway.close();
    if (ingest != null) {
      ingest.close();
    }
    outbox.close();
  }
}
