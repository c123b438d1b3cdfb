package io.loadlens.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.codec.BinaryBatchCodec;
import io.loadlens.transport.codec.EventCodec;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.inprocess.InProcessTransport;
import io.loadlens.transport.outbox.Outbox;
import io.loadlens.transport.outbox.OutboxSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events through the gateway's outbox: record types, restart replay, old outbox files. */
class GatewayEventsTest {

  @TempDir Path dir;

  private final OutboxRecord.Codec records = new OutboxRecord.Codec(EventCodec.withDefaultLimit());

  private OutboxSettings outbox() {
    return new OutboxSettings(dir, 1 << 16, 1 << 26, true);
  }

  @Test
  void eventsRecordStartsWithItsOwnMagicAndRoundTrips() {
    EventBatch b = EventBatch.byMeter(Events.of(1, 7), 500).get(0);
    byte[] r = records.encode(b);
    assertThat(new String(r, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("LE\u0001");
    assertThat(r[3]).isEqualTo((byte) '{');
    assertThat(records.decode(r)).isEqualTo(new OutboxRecord.Events(b));
  }

  @Test
  void batchRecordIsTheBinaryBatchAsBeforeEventsExisted() {
    ReadingBatch batch = Fleet.batches(1, 1, 96, 1).get(0);
    byte[] old = new BinaryBatchCodec().encode(batch);
    assertThat(records.encode(batch)).isEqualTo(old);
    assertThat(records.decode(old)).isEqualTo(new OutboxRecord.Batch(batch));
  }

  @Test
  void unknownEventsRecordVersionIsRejectedNamingIt() {
    byte[] r = records.encode(EventBatch.byMeter(Events.of(1, 1), 500).get(0));
    r[2] = 2;
    assertThatThrownBy(() -> records.decode(r))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage("outbox record: events record version 2 is unknown (this reader knows 1)");
    assertThatThrownBy(() -> records.decode(new byte[] {'L', 'E'}))
        .hasMessage(
            "outbox record: events record version missing is unknown (this reader knows 1)");
    assertThatThrownBy(() -> records.decode(new byte[] {'X', 'Y', 1}))
        .hasMessage("magic: expected 'LB'");
  }

  @Test
  void eventsAndBatchesLeftInTheOutboxAreReplayedAfterARestart() throws Exception {
    List<ReadingBatch> batches = Fleet.batches(5, 2, 24, 5);
    List<MeterEvent> events = Events.of(4, 9);
    InProcessTransport nobody = new InProcessTransport(1000, WireCodec.binary());
    Gateway first = Gateway.start(Outbox.open(outbox()), nobody.publisher());
    first.publishAll(batches);
    first.publishEvents(events);
    assertThat(first.pendingCount()).isEqualTo(batches.size() + 4);
    first.close(); // the gateway process dies before anything was acknowledged

    MemorySink sink = new MemorySink();
    InProcessTransport t = new InProcessTransport(1000, WireCodec.binary());
    try (IngestService ingest = new IngestService(t.subscriber(50), sink, WireCodec.binary())) {
      ingest.start();
      Gateway second = Gateway.start(Outbox.open(outbox()), t.publisher());
      assertThat(second.drain(Duration.ofSeconds(30))).isTrue();
      second.close();
      assertThat(ingest.eventCount()).isEqualTo(events.size());
    }
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
    assertThat(sink.events()).containsExactlyElementsOf(events);
    assertThat(sink.deadLetters()).isEmpty();
  }

  @Test
  void outboxWrittenBeforeEventsExistedIsReplayedAsBatches() throws Exception {
    List<ReadingBatch> batches = Fleet.batches(3, 2, 24, 9);
    try (Outbox old = Outbox.open(outbox())) { // as the gateway wrote it: bare binary batches
      BinaryBatchCodec binary = new BinaryBatchCodec();
      old.appendAll(batches.stream().map(binary::encode).toList());
    }
    MemorySink sink = new MemorySink();
    InProcessTransport t = new InProcessTransport(100, WireCodec.json());
    try (IngestService ingest = new IngestService(t.subscriber(50), sink, WireCodec.json())) {
      ingest.start();
      Gateway g = Gateway.start(Outbox.open(outbox()), t.publisher());
      assertThat(g.drain(Duration.ofSeconds(30))).isTrue();
      g.close();
    }
    assertThat(sink.rows()).isEqualTo(Fleet.truth(batches));
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void publishEventsStoresNothingWhenOneMetersEventsCannotBeEncoded() {
    List<MeterEvent> events = new java.util.ArrayList<>(Events.of(2, 2));
    MeterEvent e = events.get(0);
    events.add(
        new MeterEvent(
            e.meter(),
            e.kind(),
            e.start(),
            e.end(),
            e.code(),
            "x".repeat(WireCodec.DEFAULT_MAX_BYTES)));
    try (Gateway g =
        Gateway.start(
            Outbox.open(outbox()), new InProcessTransport(10, WireCodec.binary()).publisher())) {
      assertThatThrownBy(() -> g.publishEvents(events))
          .isInstanceOf(MalformedMessageException.class)
          .hasMessageStartingWith("events of meter E0000000: encoded size");
      assertThat(g.pendingCount()).isZero();
      g.publishEvents(List.of());
      assertThat(g.pendingCount()).isZero();
    }
  }
}
