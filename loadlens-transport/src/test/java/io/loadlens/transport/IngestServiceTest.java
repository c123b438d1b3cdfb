package io.loadlens.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.codec.EventCodec;
import io.loadlens.transport.codec.WireCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ingest's handling of one delivered group: dispatch by channel, retries, dead letters. */
class IngestServiceTest {

  /** Hands one group of messages to the handler and records whether it returned (= acks). */
  private static final class OneGroup implements ReadingSubscriber {
    private final List<InboundMessage> messages;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean acknowledged;

    OneGroup(List<InboundMessage> messages) {
      this.messages = messages;
    }

    @Override
    public void start(MessageHandler handler) {
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                try {
                  handler.onMessages(messages);
                  acknowledged = true;
                } catch (Exception e) {
                  acknowledged = false;
                } finally {
                  done.countDown();
                }
              });
    }

    @Override
    public void close() {}
  }

  private static InboundMessage events(List<MeterEvent> events) {
    return new InboundMessage(
        "loadlens/v1/gw/" + events.get(0).meter() + "/events",
        EventCodec.withDefaultLimit().encode(EventBatch.byMeter(events, 500).get(0)),
        InboundMessage.Channel.EVENTS);
  }

  @Test
  void eventsGoToWriteEventsAndBatchesToWriteAndTheGroupIsAcknowledgedAfterBoth() throws Exception {
    List<MeterEvent> a = Events.of(1, 3);
    ReadingBatch batch = Fleet.batches(1, 1, 8, 2).get(0);
    MemorySink sink = new MemorySink();
    sink.failNextEventWrites(2); // the events commit fails twice, then succeeds
    OneGroup sub =
        new OneGroup(
            List.of(
                events(a),
                new InboundMessage("p", WireCodec.binary().encode(batch)),
                events(a))); // a re-delivery
    try (IngestService ingest = new IngestService(sub, sink, WireCodec.json())) {
      ingest.start();
      assertThat(sub.done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sub.acknowledged).isTrue();
      assertThat(ingest.eventCount()).isEqualTo(6);
      assertThat(ingest.sinkFailureCount()).isEqualTo(2);
      assertThat(ingest.messageCount()).isEqualTo(3);
    }
    assertThat(sink.events()).containsExactlyElementsOf(a);
    assertThat(sink.eventWrites()).isEqualTo(1);
    assertThat(sink.writes()).isEqualTo(1);
    assertThat(sink.rows()).isEqualTo(Fleet.truth(List.of(batch)));
  }

  @Test
  void malformedEventsAndABatchOnTheEventsChannelAreDeadLettered() throws Exception {
    List<MeterEvent> good = Events.of(1, 2);
    ReadingBatch batch = Fleet.batches(1, 1, 4, 2).get(0);
    byte[] bad =
        "{\"schema\":1,\"meter\":\"M\",\"events\":[{\"kind\":\"FLOOD\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    MemorySink sink = new MemorySink();
    OneGroup sub =
        new OneGroup(
            List.of(
                new InboundMessage("t/bad", bad, InboundMessage.Channel.EVENTS),
                new InboundMessage(
                    "t/batch", WireCodec.json().encode(batch), InboundMessage.Channel.EVENTS),
                events(good)));
    try (IngestService ingest = new IngestService(sub, sink, WireCodec.json())) {
      ingest.start();
      assertThat(sub.done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sub.acknowledged).isTrue();
      assertThat(ingest.deadLetterCount()).isEqualTo(2);
    }
    List<String> reasons = new ArrayList<>();
    sink.deadLetters().forEach(d -> reasons.add(d.source() + ": " + d.reason()));
    assertThat(reasons)
        .containsExactly(
            "t/bad: events[0].kind: 'FLOOD' is invalid (not one of [GAP, OUTAGE, READ_FAILURE,"
                + " HARDWARE_FAULT, VALIDATION, CLOCK])",
            "t/batch: batchId: unknown field (events schema 1 allows [events, meter, schema])");
    assertThat(sink.deadLetters().get(0).payload()).isEqualTo(bad);
    assertThat(sink.events()).containsExactlyElementsOf(good);
    assertThat(sink.rowCount()).isZero();
  }

  @Test
  void sinkWithoutEventSupportAcknowledgesEventsAndDropsThem() throws Exception {
    List<ReadingBatch> written = new ArrayList<>();
    BatchSink readingsOnly =
        new BatchSink() {
          @Override
          public void write(List<ReadingBatch> batches) {
            written.addAll(batches);
          }

          @Override
          public void deadLetter(String source, String reason, byte[] payload) {
            throw new AssertionError("no dead letter expected: " + reason);
          }
        };
    OneGroup sub = new OneGroup(List.of(events(Events.of(1, 2))));
    try (IngestService ingest = new IngestService(sub, readingsOnly, WireCodec.json())) {
      ingest.start();
      assertThat(sub.done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sub.acknowledged).isTrue();
    }
    assertThat(written).isEmpty();
  }
}
