package io.loadlens.transport;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ReadingBatch;
import java.util.List;

/**
 * Where the ingest side hands decoded batches and meter events: in the application, the store. The
 * transport acknowledges messages to the broker only after {@link #write} (and {@link
 * #writeEvents}) returned, so nothing is lost between the broker and the store; a re-delivered
 * message must be harmless (the store is idempotent on meter, OBIS and capture time for rows, and
 * on meter, kind, start, end and code for events).
 */
public interface BatchSink {

  /**
   * Writes the batches and returns only after they are durably committed.
   *
   * @throws RuntimeException when the commit failed; the messages stay unacknowledged and are
   *     written again
   */
  void write(List<ReadingBatch> batches);

  /**
   * Writes meter events (of one or more meters, in the order received) and returns only after they
   * are durably committed. The default ignores them, for sinks that keep readings only; the
   * messages are acknowledged all the same.
   *
   * @throws RuntimeException when the commit failed; the messages stay unacknowledged and are
   *     written again
   */
  default void writeEvents(List<MeterEvent> events) {}

  /**
   * Receives a message that can never be written (malformed, oversized, unknown schema version), so
   * an operator can inspect it. The stream carries on after it.
   *
   * @param source where the message came from, e.g. the MQTT topic or {@code
   *     topic-partition@offset}
   * @param reason why it was rejected, naming the field
   * @param payload the message bytes as received
   */
  void deadLetter(String source, String reason, byte[] payload);
}
