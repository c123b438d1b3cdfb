package io.loadlens.iec21.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link SerialLine} over an input and an output stream, e.g. a device opened as a file or a pipe
 * in a test. Reads poll {@link InputStream#available()} (every {@code poll}), so they never block
 * longer than their timeout; a stream that ended therefore looks like a silent line, except for
 * streams whose {@code available()} reports the end by throwing.
 */
public final class StreamSerialLine implements SerialLine {
  /** Applies new line settings to whatever carries the streams. */
  @FunctionalInterface
  public interface Control {
    /** A link whose settings cannot be changed (a pipe, a bridge with a fixed rate). */
    Control FIXED = settings -> {};

    void apply(SerialSettings settings) throws IOException;
  }

  /** The default pause between two polls of an idle input. */
  public static final Duration DEFAULT_POLL = Duration.ofMillis(2);

  private final String name;
  private final InputStream in;
  private final OutputStream out;
  private final Control control;
  private final Duration poll;
  private SerialSettings settings;

  public StreamSerialLine(
      String name,
      InputStream in,
      OutputStream out,
      Control control,
      SerialSettings initial,
      Duration poll) {
    this.name = Objects.requireNonNull(name, "name");
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
    this.control = Objects.requireNonNull(control, "control");
    this.settings = Objects.requireNonNull(initial, "initial");
    this.poll = Objects.requireNonNull(poll, "poll");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SerialSettings settings() {
    return settings;
  }

  @Override
  public void configure(SerialSettings next) throws IOException {
    control.apply(Objects.requireNonNull(next, "settings"));
    settings = next;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    return pollRead(in, buffer, offset, length, timeout, poll);
  }

  @Override
  public void discardInput() throws IOException {
    StreamSerialLine.drop(in);
  }

  @Override
  public void close() {
    closeQuietly(in);
    closeQuietly(out);
  }

  /** Reads what {@code in} has, polling until {@code timeout}; 0 when nothing came. */
  static int pollRead(
      InputStream in, byte[] buffer, int offset, int length, Duration timeout, Duration poll)
      throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int available = in.available();
      if (available > 0) {
        return in.read(buffer, offset, Math.min(length, available));
      }
      if (System.nanoTime() - deadline >= 0) {
        return 0;
      }
      try {
        Thread.sleep(poll);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading");
      }
    }
  }

  /** Reads and drops what {@code in} holds now (skip() would seek, which a tty refuses). */
  static void drop(java.io.InputStream in) throws IOException {
    byte[] scratch = new byte[512];
    int n;
    while ((n = in.available()) > 0) {
      if (in.read(scratch, 0, Math.min(n, scratch.length)) < 0) {
        return;
      }
    }
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing a dead stream: nothing left to do
    }
  }
}
