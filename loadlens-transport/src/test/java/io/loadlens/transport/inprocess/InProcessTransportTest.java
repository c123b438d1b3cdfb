package io.loadlens.transport.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.EventBatch;
import io.loadlens.transport.Events;
import io.loadlens.transport.Fleet;
import io.loadlens.transport.Gateway;
import io.loadlens.transport.IngestService;
import io.loadlens.transport.MemorySink;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.outbox.Outbox;
import io.loadlens.transport.outbox.OutboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessTransportTest {

  @TempDir Path dir;

  @Test
  void fleetArrivesExactlyOnceInEffectAcrossIngestRestartAndSinkFailures() throws Exception {
    List<ReadingBatch> batches = Fleet.batches(40, 5, 96, 11);
    MemorySink sink = new MemorySink();
    InProcessTransport t = new InProcessTransport(64, WireCodec.binary());
    IngestService ingest = new IngestService(t.subscriber(32), sink, WireCodec.binary());
    ingest.start();
    sink.failNextWrites(3);
    Gateway g =
        Gateway.start(Outbox.open(new OutboxSettings(dir, 1 << 16, 1 << 26, false)), t.publisher());
    g.publishAll(batches.subList(0, 100));
    ingest.close(); // ingest stops; the rest waits in the queue and the outbox
    g.publishAll(batches.subList(100, 120));
    IngestService second = new IngestService(t.subscriber(32), sink, WireCodec.binary());
    second.start();
    g.publishAll(batches.subList(120, batches.size()));
    assertThat(g.drain(Duration.ofSeconds(30))).isTrue();
    g.close();
    second.close();
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
    assertThat(sink.deadLetters()).isEmpty();
  }

  @Test
  void publishCompletesOnlyAfterTheSinkCommitted() throws Exception {
    MemorySink sink = new MemorySink();
    InProcessTransport t = new InProcessTransport(4, WireCodec.json());
    ReadingBatch b = Fleet.batches(1, 1, 4, 3).get(0);
    CompletableFuture<Void> f = t.publisher().publish(b);
    assertThat(f).isNotDone();
    try (IngestService ingest = new IngestService(t.subscriber(8), sink, WireCodec.json())) {
      ingest.start();
      f.get(10, TimeUnit.SECONDS);
      assertThat(sink.rowCount()).isEqualTo(4);
    }
  }

  @Test
  void eventsPublishCompletesOnlyAfterTheSinkCommittedTheEvents() throws Exception {
    MemorySink sink = new MemorySink();
    InProcessTransport t = new InProcessTransport(4, WireCodec.binary());
    List<MeterEvent> events = Events.of(1, 4);
    CompletableFuture<Void> f = t.publisher().publishEvents(EventBatch.byMeter(events, 10).get(0));
    assertThat(f).isNotDone();
    sink.failNextEventWrites(1);
    try (IngestService ingest = new IngestService(t.subscriber(8), sink, WireCodec.binary())) {
      ingest.start();
      f.get(10, TimeUnit.SECONDS);
      assertThat(sink.events()).containsExactlyElementsOf(events);
      assertThat(ingest.sinkFailureCount()).isEqualTo(1);
    }
  }

  @Test
  void gatewayRestartReplaysWhatWasNotAcknowledged() throws Exception {
    List<ReadingBatch> batches = Fleet.batches(10, 2, 24, 5);
    InProcessTransport noIngest = new InProcessTransport(1000, WireCodec.binary());
    OutboxSettings os = new OutboxSettings(dir, 1 << 16, 1 << 26, true);
    Gateway first = Gateway.start(Outbox.open(os), noIngest.publisher());
    first.publishAll(batches);
    assertThat(first.drain(Duration.ofMillis(200))).isFalse();
    first.close(); // the gateway process dies before anything was acknowledged

    MemorySink sink = new MemorySink();
    InProcessTransport t = new InProcessTransport(1000, WireCodec.binary());
    try (IngestService ingest = new IngestService(t.subscriber(50), sink, WireCodec.binary())) {
      ingest.start();
      Gateway second = Gateway.start(Outbox.open(os), t.publisher());
      assertThat(second.drain(Duration.ofSeconds(30))).isTrue();
      second.close();
    }
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
  }
}
