package io.loadlens.transport;

import io.loadlens.model.ReadingBatch;
import java.util.List;

/**
 * Where the ingest side hands decoded batches: in the application, the store. The transport
 * acknowledges messages to the broker only after {@link #write} returned, so a batch is never lost
 * between the broker and the store; a re-delivered batch must be harmless (the store is idempotent
 * on meter, OBIS and capture time).
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
