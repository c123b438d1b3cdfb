package io.loadlens.transport;

import io.loadlens.model.MeterId;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.codec.BinaryBatchCodec;
import io.loadlens.transport.codec.EventCodec;
import java.util.Arrays;

/**
 * What one outbox record holds, told apart by its first octets:
 *
 * <pre>
 *   'L' 'B' u8 version …           a reading batch in the binary batch encoding (as every outbox
 *                                  written before events existed holds)
 *   'L' 'E' u8 record version (1)  meter events: the events JSON message follows
 * </pre>
 *
 * Anything else is unreadable (a record of a newer version, or damage that passed the CRC).
 */
sealed interface OutboxRecord {

  byte MAGIC_0 = 'L';
  byte EVENTS_MAGIC_1 = 'E';
  int EVENTS_RECORD_VERSION = 1;

  /** The meter the record is about, for log lines. */
  MeterId meter();

  /** One reading batch. */
  record Batch(ReadingBatch batch) implements OutboxRecord {
    @Override
    public MeterId meter() {
      return batch.meter();
    }

    @Override
    public String toString() {
      return "batch " + batch.batchId() + " of meter " + batch.meter();
    }
  }

  /** The events of one meter. */
  record Events(EventBatch events) implements OutboxRecord {
    @Override
    public MeterId meter() {
      return events.meter();
    }

    @Override
    public String toString() {
      return events.events().size() + " events of meter " + events.meter();
    }
  }

  /** Reads and writes outbox records. */
  final class Codec {
    private final BinaryBatchCodec batches = new BinaryBatchCodec();
    private final EventCodec events;

    Codec(EventCodec events) {
      this.events = events;
    }

    byte[] encode(ReadingBatch batch) {
      return batches.encode(batch);
    }

    byte[] encode(EventBatch batch) {
      byte[] json = events.encode(batch);
      byte[] out = new byte[3 + json.length];
      out[0] = MAGIC_0;
      out[1] = EVENTS_MAGIC_1;
      out[2] = (byte) EVENTS_RECORD_VERSION;
      System.arraycopy(json, 0, out, 3, json.length);
      return out;
    }

    /**
     * @throws MalformedMessageException naming what is wrong when the record is unreadable
     */
    OutboxRecord decode(byte[] record) {
      if (record.length >= 2 && record[0] == MAGIC_0 && record[1] == EVENTS_MAGIC_1) {
        if (record.length < 3 || record[2] != EVENTS_RECORD_VERSION) {
          throw new MalformedMessageException(
              "outbox record: events record version "
                  + (record.length < 3 ? "missing" : String.valueOf(record[2] & 0xFF))
                  + " is unknown (this reader knows "
                  + EVENTS_RECORD_VERSION
                  + ")");
        }
        return new Events(events.decode(Arrays.copyOfRange(record, 3, record.length)));
      }
      return new Batch(batches.decode(record));
    }
  }
}
