package io.loadlens.transport.codec;

import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.InvalidSettingsException;
import io.loadlens.transport.MalformedMessageException;

/**
 * The codec the transports use: encodes with the configured format, decodes either format (JSON
 * starts with <code>'{'</code>, binary with the magic {@code "LB"}), and rejects payloads above the
 * size limit before parsing them.
 */
public final class WireCodec implements BatchCodec {

  /** Default limit: 1 MiB, well above a day of 1-minute rows for 4 channels in JSON (~600 KB). */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  private final BatchCodec writer;
  private final JsonBatchCodec json = new JsonBatchCodec();
  private final BinaryBatchCodec binary = new BinaryBatchCodec();
  private final int maxBytes;

  public WireCodec(Format format, int maxBytes) {
    if (maxBytes < 64) {
      throw new InvalidSettingsException("maxMessageBytes: " + maxBytes + " is below 64");
    }
    this.writer = format == Format.JSON ? json : binary;
    this.maxBytes = maxBytes;
  }

  /** JSON, 1 MiB limit. */
  public static WireCodec json() {
    return new WireCodec(Format.JSON, DEFAULT_MAX_BYTES);
  }

  /** Compact binary, 1 MiB limit. */
  public static WireCodec binary() {
    return new WireCodec(Format.BINARY, DEFAULT_MAX_BYTES);
  }

  @Override
  public byte[] encode(ReadingBatch batch) {
    byte[] bytes = writer.encode(batch);
    if (bytes.length > maxBytes) {
      throw new MalformedMessageException(
          "batch "
              + batch.batchId()
              + " of meter "
              + batch.meter()
              + ": encoded size "
              + bytes.length
              + " bytes exceeds the limit of "
              + maxBytes
              + " bytes; split the read into smaller batches");
    }
    return bytes;
  }

  @Override
  public ReadingBatch decode(byte[] payload) {
    if (payload == null || payload.length == 0) {
      throw new MalformedMessageException("payload: empty message");
    }
    if (payload.length > maxBytes) {
      throw new MalformedMessageException(
          "payload: " + payload.length + " bytes exceeds the limit of " + maxBytes + " bytes");
    }
    byte first = payload[0];
    if (first == BinaryBatchCodec.MAGIC_0) {
      return binary.decode(payload);
    }
    if (first == '{' || first == ' ' || first == '\n' || first == '\t' || first == '\r') {
      return json.decode(payload);
    }
    throw new MalformedMessageException(
        String.format(
            "payload: first byte 0x%02X is neither '{' (JSON) nor 'L' (binary)", first & 0xFF));
  }

  @Override
  public String contentType() {
    return writer.contentType();
  }

  public int maxBytes() {
    return maxBytes;
  }

  /** The encodings. */
  public enum Format {
    JSON,
    BINARY
  }
}
