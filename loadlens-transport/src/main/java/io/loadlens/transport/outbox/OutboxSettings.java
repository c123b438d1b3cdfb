package io.loadlens.transport.outbox;

import io.loadlens.transport.InvalidSettingsException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how large the outbox may grow.
 *
 * @param directory the segment directory (created when missing)
 * @param segmentBytes a segment is closed and a new one started beyond this size
 * @param maxBytes appends are refused with {@link OutboxFullException} beyond this total size
 * @param fsync force every append to the device before it returns (turn off only in tests)
 */
public record OutboxSettings(Path directory, long segmentBytes, long maxBytes, boolean fsync) {

  public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;
  public static final long DEFAULT_MAX_BYTES = 256L << 20;

  public OutboxSettings {
    Objects.requireNonNull(directory, "outbox.directory");
    if (segmentBytes < 4096) {
      throw new InvalidSettingsException("outbox.segmentBytes: " + segmentBytes + " is below 4096");
    }
    if (maxBytes < segmentBytes) {
      throw new InvalidSettingsException(
          "outbox.maxBytes: " + maxBytes + " is below segmentBytes " + segmentBytes);
    }
  }

  public static OutboxSettings defaults(Path directory) {
    return new OutboxSettings(directory, DEFAULT_SEGMENT_BYTES, DEFAULT_MAX_BYTES, true);
  }
}
